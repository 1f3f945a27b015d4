// The knowledge base: countries, places, seats of power, organizations,
// people and the offices they held, and office titles; loaded from data/*.tsv
// and compiled once into a longest-match automaton over tokens.
//
//   auto kb = KnowledgeBase::Load("data", segmenter);
//   std::vector<KbMatch> m = (*kb)->Match(seg.tokens, s.first_token, s.last_token);
//   const Person* p = (*kb)->Holder("head_of_state", "IRN", Date{2023, 1, 19});  // Raisi
//
// Load() validates every table and reports the first problem as
// "data/people.tsv:12: bad date '2023-13-01'". The object is immutable after
// Load() and safe to share across threads.
#ifndef ENTENTE_KB_KB_H_
#define ENTENTE_KB_KB_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "entente/date.h"
#include "entente/status.h"
#include "text/segment.h"

namespace entente {

struct Country {
  std::string iso3;     // "RUS"
  std::string cameo;    // CAMEO code where it differs from iso3, else iso3
  std::string name_en;  // "Russia"
  std::string name_fr;  // "Russie"
  int32_t capital = -1;  // index into places(), -1 when unknown
};

struct Place {
  std::string name_en;  // "Moscow"
  std::string country;  // "RUS"
  double lat = 0;
  double lon = 0;
  bool capital = false;  // seat of a national government (also a metonym for it)
};

struct Org {
  std::string code;     // "SCO"
  std::string name_en;  // "Shanghai Cooperation Organisation"
};

struct Office {
  std::string id;       // "RUS.head_of_state"
  std::string country;  // ISO3, or "" for an organization's office
  std::string org;      // org code for an organization's office, else ""
  std::string kind;     // head_of_state, head_of_government, foreign_minister, deputy_foreign_minister,
                        // defence_minister, spokesperson, security_council_secretary, ambassador, ...
  std::string name_en;  // "President of Russia"
};

struct Term {
  int32_t office = -1;  // index into offices()
  Date from;
  Date to;  // invalid (year 0) while still in office
  std::string note;  // e.g. "to RUS" for an ambassador posted to Russia; may be empty
  std::string source;  // the row's source column
  std::string where;   // "data/terms.tsv:12", for messages
  bool from_month = false;  // `from` / `to` were given as YYYY-MM (or YYYY) and widened
  bool to_month = false;
};

struct Person {
  std::string id;       // "vladimir_putin"
  std::string name_en;  // "Vladimir Putin"
  std::string country;  // ISO3 (nationality)
  std::vector<Term> terms;
  std::string source;  // the row's source column
  std::string where;   // "data/people.tsv:12", or "dict.txt:40" for an imported actor
  // Codes given by an imported TABARI/PETRARCH actor dictionary ("RUSGOV"), with
  // their dates; empty for the people of people.tsv.
  struct Code {
    std::string code;
    Date from;  // invalid = open
    Date to;    // invalid = open
  };
  std::vector<Code> codes;
};

// A title in the text ("le président", "le chef de la diplomatie", "le porte-parole
// du Kremlin", "homologue"), from data/<lang>/titles.tsv.
struct Title {
  std::string kind;     // office kind as in Office::kind; "leader" for a generic leader
                        // (head of state, else head of government); "counterpart" for "homologue"
  std::string country;  // country the title implies ("chef du Kremlin" → RUS), else ""
  std::string org;      // org the title implies ("secrétaire général de l'ONU" → UN), else ""
  bool plural = false;  // "les présidents"
};

// A seat of power used as a metonym ("le Kremlin", "la Maison-Blanche").
struct Seat {
  std::string name_en;  // "Kremlin"
  std::string country;  // "RUS"
  std::string stands_for;  // "head_of_state", "foreign_ministry", "government"
  int32_t place = -1;   // the city it is in (index into places()), -1 if unknown
};

enum class KbKind : uint8_t {
  kCountry,    // "Iran", "la Russie", "les États-Unis", "USA"     index → countries()
  kAdjective,  // "iranien", "russes", "américaine"               index → countries()
  kPlace,      // "Moscou", "Samarcande" (capitals too)           index → places()
  kSeat,       // "Kremlin", "Maison-Blanche"                      index → seats()
  kOrg,        // "OCS", "l'ONU", "l'Organisation de coopération de Shanghai"  index → orgs()
  kPerson,     // "Vladimir Poutine", "Poutine", "Raïssi"          index → persons()
  kTitle,      // "président", "vice-ministre des Affaires étrangères"  index → titles()
};

struct KbMatch {
  uint32_t tok_begin = 0;  // tokens [tok_begin, tok_end)
  uint32_t tok_end = 0;
  KbKind kind = KbKind::kCountry;
  int32_t index = -1;
  // For a title written with a country adjective inside it ("le ministre russe
  // des Affaires étrangères", table entry "ministre {adj} des affaires étrangères"),
  // the adjective's country (index into countries()); -1 otherwise.
  int32_t country = -1;
  // For names shared by several people (a surname), every candidate person
  // index; `index` is the first. Empty otherwise.
  std::vector<int32_t> alternatives;
};

struct KbOptions {
  // TABARI/PETRARCH actor dictionaries loaded after data/ (see kb/actor_dict.h).
  std::vector<std::string> actor_dicts;
};

// Figures of a loaded knowledge base (`entente kb stats`).
struct KbStats {
  size_t countries = 0, places = 0, capitals = 0, seats = 0, orgs = 0, offices = 0,
         offices_with_holders = 0, persons = 0, terms = 0, titles = 0, keys = 0,
         shared_surnames = 0, imported_actors = 0;
  // Countries whose head of state is known on every day from 2000-01-01 to the
  // latest date in terms.tsv (gaps of up to 31 days, such as interims, allowed).
  size_t countries_hos_complete = 0;
};

class KnowledgeBase {
 public:
  // Reads data_dir/{countries,places,seats,orgs,offices,people}.tsv and
  // data_dir/{fr,en}/titles.tsv; names are tokenized with `segmenter` so they
  // match the text's tokens (the segmenter need not outlive the call).
  static Result<std::unique_ptr<KnowledgeBase>> Load(const std::string& data_dir,
                                                     const Segmenter& segmenter,
                                                     const KbOptions& options = {});

  // Every problem of the tables, not just the first: the checks of Load() that
  // do not stop loading (overlapping terms of a single-holder office, a full
  // name or country name given to two entries) are all
  // listed, each "file:line: message". A problem that stops loading (a missing
  // file, an unknown code) is the last element. Empty when all is well.
  static std::vector<std::string> Check(const std::string& data_dir, const Segmenter& segmenter,
                                        const KbOptions& options = {});

  KbStats Stats() const;
  ~KnowledgeBase();
  KnowledgeBase(const KnowledgeBase&) = delete;  // owns a compiled automaton
  KnowledgeBase& operator=(const KnowledgeBase&) = delete;

  // Non-overlapping longest matches in tokens [begin, end), left to right.
  // Names of countries, places, seats, orgs and persons match only when their
  // first token is capitalized in the text (or is an all-caps acronym);
  // adjectives and titles match in any case. A leading article ("la Russie",
  // "l'Iran", "les États-Unis") is included in the match when present.
  std::vector<KbMatch> Match(const std::vector<Token>& tokens, uint32_t begin, uint32_t end) const;

  const std::vector<Country>& countries() const;
  const std::vector<Place>& places() const;
  const std::vector<Seat>& seats() const;
  const std::vector<Org>& orgs() const;
  const std::vector<Office>& offices() const;
  const std::vector<Person>& persons() const;
  const std::vector<Title>& titles() const;

  // nullptr when unknown.
  const Country* CountryByCode(std::string_view iso3) const;
  const Org* OrgByCode(std::string_view code) const;

  // The person who held an office of `kind` for `country_or_org` on `date`
  // (kind "leader": head_of_state, else head_of_government). nullptr if none known.
  const Person* Holder(std::string_view kind, std::string_view country_or_org, Date date) const;
  // The term a person served on `date` (the first, when several); nullptr if none.
  const Term* TermOn(const Person& person, Date date) const;
  // The person's term of an office of `kind` on `date`, nullptr if none.
  const Term* TermOfKind(const Person& person, std::string_view kind, Date date) const;

 private:
  KnowledgeBase();
  // Load() without failing on the problems that Check() lists.
  static Result<std::unique_ptr<KnowledgeBase>> LoadAll(const std::string& data_dir, const Segmenter& segmenter,
                                                        const KbOptions& options);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace entente

#endif  // ENTENTE_KB_KB_H_
