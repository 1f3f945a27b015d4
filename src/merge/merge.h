// One event from many reports: what extract finds in one sentence is a
// mention; mentions of one real-world event are joined into one event.
//
//   std::vector<Mention> ms = ...;              // one block (see BlockKey)
//   std::vector<MergedEvent> evs = MergeBlock(ms);
//
// The rules are deterministic and each join is explained. Two mentions may be
// one event when
//   1. their types are of one family (MEET and VISIT are one in-person contact;
//      a phone call, a summit, a signing… each its own family) — BlockKey puts
//      such mentions in one block, with the same countries and organizations;
//   2. the people they name agree: for each country both name a person for,
//      the same person (a country named alone agrees with any of its people);
//   3. their dates overlap once each is read at its own precision ("jeudi" and
//      "le 7 décembre" and "en décembre 2023"); a mention dated only by its
//      publication date stands for the three days up to it, or the month after
//      it when announced; a past event recalled with no date joins an event
//      only when both name the same city; summits, which last several days,
//      agree with dates up to two days apart;
//   4. their places agree: the same country, and the same city when both name
//      one (a city and its country agree).
// Mentions are taken in a canonical order (most precise date first, then date,
// document id, position), and each joins the first event whose every mention
// it agrees with (complete link), else starts a new event. The result depends
// only on the set of mentions, never on the order they were ingested in.
//
// Thread safety: pure functions.
#ifndef ENTENTE_MERGE_MERGE_H_
#define ENTENTE_MERGE_MERGE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "entente/date.h"
#include "entente/event.h"

namespace entente {

struct Mention {
  int64_t id = 0;           // the store's row id (not used for ordering)
  std::string doc;          // document id
  int ordinal = 0;          // position of the event in its document
  std::string outlet;       // the document's source ("" when unknown)
  Date published;           // the document's publication date (invalid when unknown)
  Event event;
};

// Type family: MEET and VISIT → "CONTACT"; every other type is its own family.
std::string TypeFamily(const std::string& type);

// The block a mention belongs to: its family and the sorted distinct
// countries (else organizations) of its actors, "CONTACT|IRN,RUS"; a summit's
// block is its family and the country of its place (its participants vary from
// one report to the next). Mentions of different blocks are never joined.
std::string BlockKey(const Event& event);

struct MergedMember {
  size_t mention = 0;       // index into the block's mentions
  std::string rule;         // why it joined ("first mention" for the first)
};

struct MergedEvent {
  std::string id;                    // stable: derived from the first mention's (doc, ordinal)
  Event event;                       // fields from the best mentions (see Merge())
  std::vector<MergedMember> members; // in canonical order; members[0] is the first
  int num_mentions = 0;              // sentences: each mention and its further sentences
  int num_articles = 0;              // distinct documents
  int num_sources = 0;               // distinct outlets (a document without one counts as its own)
  Date first_seen;                   // earliest / latest publication date
  Date last_seen;
  bool recalled = false;             // known only from background recalls
};

std::vector<MergedEvent> MergeBlock(const std::vector<Mention>& mentions);

}  // namespace entente

#endif  // ENTENTE_MERGE_MERGE_H_
