// What the knowledge base makes of a phrase on a date: `entente kb lookup`.
//
//   auto c = Lookup(kb, seg, "le président iranien", Date{2023, 12, 7});
//   // c[0]: Ebrahim Raisi, IRN, President of Iran, 2021-08-03..2024-05-19
//
// The phrase is matched like article text; each match gives its candidates,
// best first: a person's terms on the date before their other terms; a title
// with a country ("le président iranien", "Iran's foreign minister", "le chef
// du Kremlin") or an organization resolves to the holder on the date, or stays
// a country-level candidate that says why; a seat of power gives its country
// and the holder of the office it stands for; countries, organizations and
// places give themselves.
#ifndef ENTENTE_KB_LOOKUP_H_
#define ENTENTE_KB_LOOKUP_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/date.h"
#include "kb/kb.h"
#include "text/segment.h"

namespace entente {

struct KbCandidate {
  std::string kind;     // person, country, org, place, seat
  std::string matched;  // the words of the phrase that matched
  std::string name;     // person, organization, place or seat name (English); "" for a country alone
  std::string country;  // ISO3 or ""
  std::string org;      // org code or ""
  std::string code;     // an imported dictionary actor's code on the date ("RUSGOV"), else ""
  std::string office;   // the office on the date ("President of Iran") or ""
  std::string from;     // the term's dates (ISO), "" when open or none
  std::string to;
  double lat = 0, lon = 0;  // places
  std::string source;   // the table row's source
  std::string why;      // how it was resolved, or why it stayed unresolved
};

std::vector<KbCandidate> Lookup(const KnowledgeBase& kb, const Segmenter& seg, std::string_view phrase,
                                std::optional<Date> date);

}  // namespace entente

#endif  // ENTENTE_KB_LOOKUP_H_
