// The knowledge base: table loading, validation, and the token trie.
#include "kb/kb.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "common/tsv.h"
#include "kb/actor_dict.h"

namespace entente {
namespace {

// Preference among entries of one key: lower wins.
int KindRank(KbKind k) {
  switch (k) {
    case KbKind::kPerson: return 0;
    case KbKind::kTitle: return 1;
    case KbKind::kOrg: return 2;
    case KbKind::kSeat: return 3;
    case KbKind::kCountry: return 4;  // "Mexico", "Singapore": the state before the city
    case KbKind::kPlace: return 5;
    case KbKind::kAdjective: return 6;
  }
  return 7;
}

// Names need a capital in the text; adjectives and titles do not.
bool IsName(KbKind k) { return k != KbKind::kAdjective && k != KbKind::kTitle; }

bool IsArticle(std::string_view fold) {
  return fold == "le" || fold == "la" || fold == "les" || fold == "l'" || fold == "the";
}

// French and English function words that some acronyms spell.
bool IsCommonWord(std::string_view fold) {
  static constexpr std::string_view kWords[] = {"a",  "an", "as", "at", "au", "aux", "ce", "de", "des", "du",
                                                "en", "et", "il", "in", "is", "it", "la", "le", "les", "on",
                                                "or", "ou", "sa", "se", "si", "un", "une", "to"};
  return std::find(std::begin(kWords), std::end(kWords), fold) != std::end(kWords);
}

// Office kinds (offices.tsv); the first group has one holder at a time.
constexpr std::string_view kSingleHolderKinds[] = {
    "head_of_state", "head_of_government", "foreign_minister", "defence_minister", "spokesperson",
    "security_council_secretary", "supreme_leader", "vice_president", "ambassador", "secretary_general",
    "president", "high_representative", "director_general", "chairperson"};
constexpr std::string_view kMultiHolderKinds[] = {"deputy_foreign_minister", "foreign_ministry_spokesperson"};

bool IsSingleHolder(std::string_view kind) {
  return std::find(std::begin(kSingleHolderKinds), std::end(kSingleHolderKinds), kind) !=
         std::end(kSingleHolderKinds);
}
bool IsKnownKind(std::string_view kind) {
  return IsSingleHolder(kind) || std::find(std::begin(kMultiHolderKinds), std::end(kMultiHolderKinds), kind) !=
                                     std::end(kMultiHolderKinds);
}

const char* const kStandsFor[] = {"head_of_state",    "head_of_government", "foreign_ministry",
                                  "government",       "defence_ministry",   "parliament"};

// "YYYY-MM-DD", "YYYY-MM" or "YYYY"; a partial date widens to the first day
// (`last` false) or the last day (`last` true) of its period.
std::optional<Date> ParseWideDate(std::string_view s, bool last) {
  auto num = [](std::string_view p, int* out) {
    if (p.empty()) return false;
    for (char c : p) {
      if (c < '0' || c > '9') return false;
    }
    auto r = std::from_chars(p.data(), p.data() + p.size(), *out);
    return r.ec == std::errc();
  };
  if (s.size() == 10) {
    auto d = Date::Parse(s);
    if (!d || !d->valid()) return std::nullopt;
    return d;
  }
  int y = 0, m = 0;
  if (s.size() == 4 && num(s, &y) && y > 0) {
    return last ? Date{y, 12, 31} : Date{y, 1, 1};
  }
  if (s.size() == 7 && s[4] == '-' && num(s.substr(0, 4), &y) && num(s.substr(5, 2), &m) && y > 0 &&
      m >= 1 && m <= 12) {
    return last ? Date::LastOfMonth(y, m) : Date::FirstOfMonth(y, m);
  }
  return std::nullopt;
}

std::optional<double> ParseDouble(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::string tmp(s);
  char* end = nullptr;
  double v = std::strtod(tmp.c_str(), &end);
  if (end != tmp.c_str() + tmp.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

struct Entry {
  KbKind kind;
  int32_t index;
  int32_t country;  // adjective's country inside a title, else -1
  // For a name: the key token that must be capitalized in the text — the first
  // capitalized word of the table's spelling after leading articles ("Gaza" in
  // "bande de Gaza", "Caire" in "Le Caire").
  uint32_t cap_pos;
  // An adjective spelt with a capital in the table ("US", "Iranian") needs one
  // in the text, so that the pronoun "us" is no country; names always do.
  bool needs_cap = false;
};

}  // namespace

struct KnowledgeBase::Impl {
  std::vector<Country> countries;
  std::vector<Place> places;
  std::vector<Seat> seats;
  std::vector<Org> orgs;
  std::vector<Office> offices;
  std::vector<Person> persons;
  std::vector<Title> titles;

  std::unordered_map<std::string, int32_t> country_by_code;
  std::unordered_map<std::string, int32_t> org_by_code;
  // "kind\tcountry_or_org" → offices of that kind.
  std::unordered_map<std::string, std::vector<int32_t>> offices_by_kind;
  // office → (person, term) pairs.
  std::vector<std::vector<std::pair<int32_t, int32_t>>> holders;

  // Problems that do not stop loading ("file:line: message"), see Check().
  std::vector<std::string> problems;
  // Full names (two words or more) already given to a person or country:
  // joined folds → "file:line" of the first.
  std::unordered_map<std::string, std::pair<int32_t, std::string>> full_names[2];
  size_t imported_actors = 0;

  // The trie over token-fold ids. Node 0 is the root.
  std::unordered_map<std::string, uint32_t> vocab;
  std::unordered_map<uint64_t, uint32_t> edges;  // (node << 32 | token id) → child
  std::vector<std::vector<Entry>> node_entries;  // per node, best first

  uint32_t TokenId(const std::string& fold) {
    auto [it, inserted] = vocab.emplace(fold, static_cast<uint32_t>(vocab.size()));
    return it->second;
  }

  void AddNames(const Segmenter& seg, const std::vector<std::string>& names, KbKind kind, int32_t index,
                const std::string& where = "");

  // True when the key is already in the trie with an entry.
  bool HasKey(const std::vector<std::string>& folds) const {
    uint32_t node = 0;
    for (const std::string& f : folds) {
      auto v = vocab.find(f);
      if (v == vocab.end()) return false;
      auto e = edges.find((static_cast<uint64_t>(node) << 32) | v->second);
      if (e == edges.end()) return false;
      node = e->second;
    }
    return node != 0 && !node_entries[node].empty();
  }

  Status LoadActorDict(const std::string& path, const Segmenter& seg);

  void AddKey(const std::vector<std::string>& folds, Entry e) {
    if (folds.empty()) return;
    uint32_t node = 0;
    for (const std::string& f : folds) {
      uint64_t key = (static_cast<uint64_t>(node) << 32) | TokenId(f);
      auto it = edges.find(key);
      if (it == edges.end()) {
        uint32_t child = static_cast<uint32_t>(node_entries.size());
        node_entries.emplace_back();
        edges.emplace(key, child);
        node = child;
      } else {
        node = it->second;
      }
    }
    std::vector<Entry>& v = node_entries[node];
    for (Entry& x : v) {
      if (x.kind == e.kind && x.index == e.index && x.country == e.country) {
        x.cap_pos = std::max(x.cap_pos, e.cap_pos);  // "bande de Gaza" over "Bande de Gaza"
        x.needs_cap = x.needs_cap && e.needs_cap;    // a lower-case spelling lifts the need
        return;
      }
    }
    v.push_back(e);
    std::stable_sort(v.begin(), v.end(),
                     [](const Entry& a, const Entry& b) { return KindRank(a.kind) < KindRank(b.kind); });
  }
};

namespace {

std::vector<std::string> Folds(const Segmenter& seg, std::string_view name, uint32_t* cap_pos = nullptr,
                               bool* capitalized = nullptr) {
  Segmented s = seg.Segment(name);
  std::vector<std::string> out;
  out.reserve(s.tokens.size());
  for (const Token& t : s.tokens) out.push_back(t.fold);
  if (cap_pos != nullptr) {
    uint32_t first = 0;  // first word after leading articles
    while (first + 1 < out.size() && IsArticle(out[first])) ++first;
    *cap_pos = first;
    for (uint32_t k = first; k < out.size(); ++k) {
      if (s.tokens[k].capitalized) {
        *cap_pos = k;
        if (capitalized != nullptr) *capitalized = true;
        break;
      }
    }
  }
  return out;
}


}  // namespace

void KnowledgeBase::Impl::AddNames(const Segmenter& seg, const std::vector<std::string>& names, KbKind kind,
                                   int32_t index, const std::string& where) {
  for (const std::string& n : names) {
    uint32_t cap_pos = 0;
    bool capitalized = false;
    std::vector<std::string> folds = Folds(seg, n, &cap_pos, &capitalized);
    // A full name given to two people, or to two countries, cannot be resolved
    // by the text: the tables must say which (surnames alone may be shared).
    // A surname with a particle ("al-Assad", "bin Salman", "de Gaulle") is still a surname.
    static constexpr std::string_view kParticles[] = {"al", "el", "ad", "as", "ash", "bin", "ben", "ibn", "abu",
                                                      "de", "del", "da", "di", "du", "van", "von", "le", "la"};
    size_t words = 0;
    for (const std::string& f : folds) {
      const bool word = !f.empty() && (std::isalnum(static_cast<unsigned char>(f[0])) || (f[0] & 0x80));
      if (word && std::find(std::begin(kParticles), std::end(kParticles), f) == std::end(kParticles)) ++words;
    }
    if ((kind == KbKind::kPerson || kind == KbKind::kCountry) && words > 1 && !where.empty()) {
      std::string joined;
      for (const std::string& f : folds) joined += f + ' ';
      auto& seen = full_names[kind == KbKind::kPerson ? 0 : 1];
      auto [it, inserted] = seen.emplace(joined, std::make_pair(index, where));
      if (!inserted && it->second.first != index) {
        problems.push_back(where + ": name '" + n + "' is also given to another entry at " + it->second.second);
      }
    }
    // Tokens carry no case beyond the first letter, so an acronym that spells a
    // common word ("UN" / "Un", "AU" / "Au") cannot be told from it: such names
    // only match inside a longer key ("UN Security Council").
    if (folds.size() == 1 && IsName(kind) && IsCommonWord(folds[0])) continue;
    AddKey(folds, Entry{kind, index, -1, cap_pos, kind == KbKind::kAdjective && capitalized});
    // An abbreviation's full stop is often dropped ("St. Petersburg" / "St Petersburg"): key both spellings.
    std::vector<std::string> undotted;
    uint32_t cap_shift = 0;
    for (size_t k = 0; k < folds.size(); ++k) {
      if (folds[k] == "." && k > 0 && k + 1 < folds.size()) {
        if (k <= cap_pos) ++cap_shift;
        continue;
      }
      undotted.push_back(folds[k]);
    }
    if (undotted.size() != folds.size()) {
      AddKey(undotted, Entry{kind, index, -1, cap_pos - std::min(cap_pos, cap_shift),
                             kind == KbKind::kAdjective && capitalized});
    }
  }
}

namespace {

std::vector<std::string> NamesOf(const TsvRow& row, std::initializer_list<const char*> cols) {
  std::vector<std::string> out;
  for (const char* c : cols) {
    for (std::string& s : SplitList(row.Get(c))) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

KnowledgeBase::KnowledgeBase() : impl_(std::make_unique<Impl>()) { impl_->node_entries.emplace_back(); }
KnowledgeBase::~KnowledgeBase() = default;

namespace {
std::string Where(const TsvTable& t, const TsvRow& row) { return t.path() + ":" + std::to_string(row.line()); }
}  // namespace

Result<std::unique_ptr<KnowledgeBase>> KnowledgeBase::LoadAll(const std::string& data_dir,
                                                              const Segmenter& segmenter,
                                                              const KbOptions& options) {
  std::unique_ptr<KnowledgeBase> kb(new KnowledgeBase());
  Impl& m = *kb->impl_;
  const std::string dir = data_dir.empty() || data_dir.back() == '/' ? data_dir : data_dir + "/";

  // --- countries (capitals checked after places are read)
  ENTENTE_ASSIGN_OR_RETURN(TsvTable countries,
                           TsvTable::Read(dir + "countries.tsv", {"iso3", "name_en", "name_fr", "source"}));
  std::vector<std::string> capital_names;
  for (const TsvRow& row : countries.rows()) {
    std::string iso(row.Get("iso3"));
    if (iso.size() != 3 || !std::all_of(iso.begin(), iso.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      return row.Error("iso3 must be three capital letters: '" + iso + "'");
    }
    if (!m.country_by_code.emplace(iso, static_cast<int32_t>(m.countries.size())).second) {
      return row.Error("duplicate country '" + iso + "'");
    }
    Country c;
    c.iso3 = iso;
    c.cameo = row.Get("cameo").empty() ? iso : std::string(row.Get("cameo"));
    c.name_en = row.Get("name_en");
    c.name_fr = row.Get("name_fr");
    m.countries.push_back(std::move(c));
    capital_names.emplace_back(row.Get("capital"));
  }
  auto known_country = [&](std::string_view iso) { return m.country_by_code.count(std::string(iso)) > 0; };

  // --- places
  ENTENTE_ASSIGN_OR_RETURN(TsvTable places,
                           TsvTable::Read(dir + "places.tsv", {"name_en", "country", "lat", "lon", "source"}));
  std::unordered_map<std::string, int32_t> place_by_key;  // "name_en\tcountry"
  std::unordered_map<std::string, int32_t> place_by_name;  // first with that name
  for (const TsvRow& row : places.rows()) {
    Place p;
    p.name_en = row.Get("name_en");
    p.country = row.Get("country");
    if (!known_country(p.country)) return row.Error("unknown country '" + p.country + "'");
    auto lat = ParseDouble(row.Get("lat"));
    auto lon = ParseDouble(row.Get("lon"));
    if (!lat || *lat < -90 || *lat > 90) return row.Error("bad latitude '" + std::string(row.Get("lat")) + "'");
    if (!lon || *lon < -180 || *lon > 180) return row.Error("bad longitude '" + std::string(row.Get("lon")) + "'");
    p.lat = *lat;
    p.lon = *lon;
    std::string_view cap = row.Get("capital");
    if (cap != "" && cap != "0" && cap != "1") return row.Error("capital must be 0 or 1");
    p.capital = cap == "1";
    int32_t idx = static_cast<int32_t>(m.places.size());
    if (!place_by_key.emplace(p.name_en + "\t" + p.country, idx).second) {
      return row.Error("duplicate place '" + p.name_en + "' in " + p.country);
    }
    place_by_name.emplace(p.name_en, idx);
    std::vector<std::string> names = NamesOf(row, {"name_en", "names"});
    m.places.push_back(std::move(p));
    m.AddNames(segmenter, names, KbKind::kPlace, idx);
  }
  for (size_t i = 0; i < m.countries.size(); ++i) {
    if (capital_names[i].empty()) continue;
    auto it = place_by_key.find(capital_names[i] + "\t" + m.countries[i].iso3);
    if (it == place_by_key.end()) {
      return countries.rows()[i].Error("capital '" + capital_names[i] + "' is not in places.tsv for " +
                                       m.countries[i].iso3);
    }
    m.countries[i].capital = it->second;
  }
  for (size_t i = 0; i < m.countries.size(); ++i) {
    const TsvRow& row = countries.rows()[i];
    int32_t idx = static_cast<int32_t>(i);
    m.AddNames(segmenter, NamesOf(row, {"name_en", "names_en", "name_fr", "names_fr"}), KbKind::kCountry,
               idx, Where(countries, row));
    m.AddNames(segmenter, NamesOf(row, {"adj_fr", "adj_en"}), KbKind::kAdjective, idx);
    for (const std::string& p : SplitList(row.Get("prefix_fr"))) {
      std::vector<std::string> f = Folds(segmenter, p);
      if (f.empty() || f.back() != "-") f.push_back("-");  // "russo-" in "russo-iranien"
      m.AddKey(f, Entry{KbKind::kAdjective, idx, -1, 0});
    }
  }

  // --- seats
  ENTENTE_ASSIGN_OR_RETURN(TsvTable seats,
                           TsvTable::Read(dir + "seats.tsv", {"name_en", "country", "stands_for", "source"}));
  for (const TsvRow& row : seats.rows()) {
    Seat s;
    s.name_en = row.Get("name_en");
    s.country = row.Get("country");
    s.stands_for = row.Get("stands_for");
    if (!known_country(s.country)) return row.Error("unknown country '" + s.country + "'");
    if (std::find(std::begin(kStandsFor), std::end(kStandsFor), s.stands_for) == std::end(kStandsFor)) {
      return row.Error("unknown stands_for '" + s.stands_for + "'");
    }
    std::string city(row.Get("city"));
    if (!city.empty()) {
      auto it = place_by_key.find(city + "\t" + s.country);
      if (it == place_by_key.end()) return row.Error("city '" + city + "' is not in places.tsv for " + s.country);
      s.place = it->second;
    }
    int32_t idx = static_cast<int32_t>(m.seats.size());
    m.seats.push_back(std::move(s));
    m.AddNames(segmenter, NamesOf(row, {"name_en", "names"}), KbKind::kSeat, idx);
  }

  // --- orgs
  ENTENTE_ASSIGN_OR_RETURN(TsvTable orgs, TsvTable::Read(dir + "orgs.tsv", {"code", "name_en", "source"}));
  for (const TsvRow& row : orgs.rows()) {
    Org o;
    o.code = row.Get("code");
    o.name_en = row.Get("name_en");
    int32_t idx = static_cast<int32_t>(m.orgs.size());
    if (!m.org_by_code.emplace(o.code, idx).second) return row.Error("duplicate org '" + o.code + "'");
    m.orgs.push_back(std::move(o));
    m.AddNames(segmenter, NamesOf(row, {"name_en", "names"}), KbKind::kOrg, idx);
  }
  auto known_org = [&](std::string_view code) { return m.org_by_code.count(std::string(code)) > 0; };

  // --- offices
  ENTENTE_ASSIGN_OR_RETURN(TsvTable offices,
                           TsvTable::Read(dir + "offices.tsv", {"id", "kind", "source"}));
  std::unordered_map<std::string, int32_t> office_by_id;
  for (const TsvRow& row : offices.rows()) {
    Office o;
    o.id = row.Get("id");
    o.country = row.Get("country");
    o.org = row.Get("org");
    o.kind = row.Get("kind");
    o.name_en = row.Get("name_en");
    if (!IsKnownKind(o.kind)) return row.Error("unknown office kind '" + o.kind + "'");
    if (o.country.empty() == o.org.empty()) return row.Error("an office needs a country or an org (exactly one)");
    if (!o.country.empty() && !known_country(o.country)) return row.Error("unknown country '" + o.country + "'");
    if (!o.org.empty() && !known_org(o.org)) return row.Error("unknown org '" + o.org + "'");
    int32_t idx = static_cast<int32_t>(m.offices.size());
    if (!office_by_id.emplace(o.id, idx).second) return row.Error("duplicate office '" + o.id + "'");
    m.offices_by_kind[o.kind + "\t" + (o.country.empty() ? o.org : o.country)].push_back(idx);
    m.offices.push_back(std::move(o));
  }
  m.holders.resize(m.offices.size());

  // --- people
  ENTENTE_ASSIGN_OR_RETURN(TsvTable people, TsvTable::Read(dir + "people.tsv", {"id", "name_en", "source"}));
  std::unordered_map<std::string, int32_t> person_by_id;
  std::vector<std::vector<std::string>> person_names;
  for (const TsvRow& row : people.rows()) {
    Person p;
    p.id = row.Get("id");
    p.name_en = row.Get("name_en");
    p.country = row.Get("country");
    p.source = row.Get("source");
    p.where = Where(people, row);
    if (!p.country.empty() && !known_country(p.country)) return row.Error("unknown country '" + p.country + "'");
    int32_t idx = static_cast<int32_t>(m.persons.size());
    if (!person_by_id.emplace(p.id, idx).second) return row.Error("duplicate person '" + p.id + "'");
    m.persons.push_back(std::move(p));
    person_names.push_back(NamesOf(row, {"name_en", "names"}));
  }

  // --- terms
  ENTENTE_ASSIGN_OR_RETURN(TsvTable terms,
                           TsvTable::Read(dir + "terms.tsv", {"person", "office", "from", "source"}));
  for (const TsvRow& row : terms.rows()) {
    auto p = person_by_id.find(std::string(row.Get("person")));
    if (p == person_by_id.end()) return row.Error("unknown person '" + std::string(row.Get("person")) + "'");
    auto o = office_by_id.find(std::string(row.Get("office")));
    if (o == office_by_id.end()) return row.Error("unknown office '" + std::string(row.Get("office")) + "'");
    Term t;
    t.office = o->second;
    auto from = ParseWideDate(row.Get("from"), false);
    if (!from) return row.Error("bad date '" + std::string(row.Get("from")) + "'");
    t.from = *from;
    t.from_month = row.Get("from").size() < 10;
    t.to_month = row.Get("to").size() < 10 && !row.Get("to").empty();
    if (!row.Get("to").empty()) {
      auto to = ParseWideDate(row.Get("to"), true);
      if (!to) return row.Error("bad date '" + std::string(row.Get("to")) + "'");
      if (*to < t.from) return row.Error("term ends before it starts");
      t.to = *to;
    }
    t.note = row.Get("note");
    t.source = row.Get("source");
    t.where = Where(terms, row);
    Person& person = m.persons[p->second];
    m.holders[t.office].emplace_back(p->second, static_cast<int32_t>(person.terms.size()));
    person.terms.push_back(std::move(t));
  }
  for (size_t i = 0; i < m.persons.size(); ++i) {
    m.AddNames(segmenter, person_names[i], KbKind::kPerson, static_cast<int32_t>(i), m.persons[i].where);
  }
  // One holder at a time: terms of a single-holder office may touch (the
  // hand-over day) but not overlap.
  for (size_t o = 0; o < m.offices.size(); ++o) {
    auto& hs = m.holders[o];
    if (!IsSingleHolder(m.offices[o].kind)) continue;
    std::vector<const Term*> ts;
    std::vector<int32_t> who;
    for (auto [person, term] : hs) {
      ts.push_back(&m.persons[person].terms[term]);
      who.push_back(person);
    }
    std::vector<size_t> order(ts.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ts[a]->from < ts[b]->from; });
    for (size_t k = 1; k < order.size(); ++k) {
      const Term& prev = *ts[order[k - 1]];
      const Term& cur = *ts[order[k]];
      // Month-precision hand-overs ("2019-12" to "2019-12") may share their month.
      const bool same_month = (prev.to_month || cur.from_month) && prev.to.valid() &&
                              cur.from.year == prev.to.year && cur.from.month == prev.to.month;
      if (!prev.to.valid() || (cur.from < prev.to && !same_month)) {
        m.problems.push_back(cur.where + ": term of '" + m.persons[who[order[k]]].id + "' as " + m.offices[o].id +
                             " from " + cur.from.ToString() + " overlaps the term of '" +
                             m.persons[who[order[k - 1]]].id + "' (" + prev.where + ")");
      }
    }
  }

  // --- titles, French then English
  for (const char* lang : {"fr", "en"}) {
    const bool fr = lang[0] == 'f';
    ENTENTE_ASSIGN_OR_RETURN(
        TsvTable titles, TsvTable::Read(dir + lang + "/titles.tsv", {"text", "kind", "source"}));
    for (const TsvRow& row : titles.rows()) {
      Title t;
      t.kind = row.Get("kind");
      t.country = row.Get("country");
      t.org = row.Get("org");
      std::string_view plural = row.Get("plural");
      if (plural != "" && plural != "0" && plural != "1") return row.Error("plural must be 0 or 1");
      t.plural = plural == "1";
      if (!t.country.empty() && !known_country(t.country)) return row.Error("unknown country '" + t.country + "'");
      if (!t.org.empty() && !known_org(t.org)) return row.Error("unknown org '" + t.org + "'");
      int32_t idx = static_cast<int32_t>(m.titles.size());
      m.titles.push_back(t);
      for (const std::string& text : SplitList(row.Get("text"))) {
        size_t at = text.find("{adj}");
        if (at == std::string::npos) {
          m.AddKey(Folds(segmenter, text), Entry{KbKind::kTitle, idx, -1, 0});
          continue;
        }
        std::vector<std::string> before = Folds(segmenter, text.substr(0, at));
        std::vector<std::string> after = Folds(segmenter, text.substr(at + 5));
        for (size_t c = 0; c < m.countries.size(); ++c) {
          for (const std::string& adj : SplitList(countries.rows()[c].Get(fr ? "adj_fr" : "adj_en"))) {
            std::vector<std::string> key = before;
            for (std::string& f : Folds(segmenter, adj)) key.push_back(std::move(f));
            key.insert(key.end(), after.begin(), after.end());
            m.AddKey(key, Entry{KbKind::kTitle, idx, static_cast<int32_t>(c), 0});
          }
        }
      }
    }
  }
  for (const std::string& path : options.actor_dicts) {
    ENTENTE_RETURN_IF_ERROR(m.LoadActorDict(path, segmenter));
  }
  return kb;
}

Result<std::unique_ptr<KnowledgeBase>> KnowledgeBase::Load(const std::string& data_dir,
                                                           const Segmenter& segmenter,
                                                           const KbOptions& options) {
  ENTENTE_ASSIGN_OR_RETURN(std::unique_ptr<KnowledgeBase> kb, LoadAll(data_dir, segmenter, options));
  if (!kb->impl_->problems.empty()) {
    std::string more = kb->impl_->problems.size() > 1
                           ? " (and " + std::to_string(kb->impl_->problems.size() - 1) +
                                 " more problems: run `entente kb check`)"
                           : "";
    return Status::DataError(kb->impl_->problems.front() + more);
  }
  return kb;
}

std::vector<std::string> KnowledgeBase::Check(const std::string& data_dir, const Segmenter& segmenter,
                                              const KbOptions& options) {
  Result<std::unique_ptr<KnowledgeBase>> kb = LoadAll(data_dir, segmenter, options);
  if (!kb.ok()) return {kb.status().message()};
  return (*kb)->impl_->problems;
}

// An imported actor: names that the tables already know are left to the
// tables; a bare country code makes the names more names of that country; a
// known organization code, of that organization; anything else is an actor of
// its own (kind person), its country read from the first three letters of its
// codes where they are a country's CAMEO code.
Status KnowledgeBase::Impl::LoadActorDict(const std::string& path, const Segmenter& seg) {
  std::vector<std::string> dict_problems;
  ENTENTE_ASSIGN_OR_RETURN(ActorDict dict, ReadActorDict(path, &dict_problems));
  for (std::string& p : dict_problems) problems.push_back(std::move(p));
  std::unordered_map<std::string, int32_t> by_cameo;
  for (size_t i = 0; i < countries.size(); ++i) by_cameo.emplace(countries[i].cameo, static_cast<int32_t>(i));
  for (const DictActor& a : dict.actors) {
    std::vector<std::string> names{a.name};
    names.insert(names.end(), a.synonyms.begin(), a.synonyms.end());
    std::vector<std::string> fresh;
    for (const std::string& n : names) {
      if (!HasKey(Folds(seg, n))) fresh.push_back(n);
    }
    if (fresh.empty()) continue;
    const ActorCode& first = a.codes.front();
    const bool one_undated = a.codes.size() == 1 && !first.from.valid() && !first.to.valid();
    if (one_undated) {
      if (auto c = by_cameo.find(first.code); c != by_cameo.end()) {
        for (const std::string& n : fresh) {
          std::vector<std::string> f = Folds(seg, n);
          if (!f.empty()) AddKey(f, Entry{KbKind::kCountry, c->second, -1, 0});
        }
        ++imported_actors;
        continue;
      }
      if (auto o = org_by_code.find(first.code); o != org_by_code.end()) {
        for (const std::string& n : fresh) {
          std::vector<std::string> f = Folds(seg, n);
          if (!f.empty()) AddKey(f, Entry{KbKind::kOrg, o->second, -1, 0});
        }
        ++imported_actors;
        continue;
      }
    }
    Person p;
    p.id = "dict:" + a.name;
    // "VLADIMIR PUTIN" → "Vladimir Putin".
    bool start = true;
    for (char c : a.name) {
      const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      p.name_en += letter && !start ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : c;
      start = !letter && c != '\'';
    }
    for (const ActorCode& code : a.codes) {
      if (p.country.empty() && code.code.size() >= 3) {
        if (auto c = by_cameo.find(code.code.substr(0, 3)); c != by_cameo.end()) p.country = countries[c->second].iso3;
      }
      p.codes.push_back(Person::Code{code.code, code.from, code.to});
    }
    p.source = "actor dictionary " + path;
    p.where = path + ":" + std::to_string(a.line);
    int32_t idx = static_cast<int32_t>(persons.size());
    persons.push_back(std::move(p));
    // All-caps dictionary phrases: every word is capitalized, so cap_pos is 0.
    for (const std::string& n : fresh) {
      std::vector<std::string> f = Folds(seg, n);
      if (!f.empty()) AddKey(f, Entry{KbKind::kPerson, idx, -1, 0});
    }
    ++imported_actors;
  }
  return Status::Ok();
}

KbStats KnowledgeBase::Stats() const {
  const Impl& m = *impl_;
  KbStats s;
  s.countries = m.countries.size();
  s.places = m.places.size();
  for (const Place& p : m.places) s.capitals += p.capital ? 1 : 0;
  s.seats = m.seats.size();
  s.orgs = m.orgs.size();
  s.offices = m.offices.size();
  for (const auto& h : m.holders) s.offices_with_holders += h.empty() ? 0 : 1;
  s.persons = m.persons.size() - m.imported_actors;
  for (const Person& p : m.persons) s.terms += p.terms.size();
  s.titles = m.titles.size();
  for (const auto& v : m.node_entries) s.keys += v.empty() ? 0 : 1;
  for (const auto& v : m.node_entries) {
    int persons_here = 0;
    for (const Entry& e : v) persons_here += e.kind == KbKind::kPerson ? 1 : 0;
    s.shared_surnames += persons_here > 1 ? 1 : 0;
  }
  s.imported_actors = m.imported_actors;
  // Head-of-state coverage from 2000 to the latest date the tables know.
  Date last{2000, 1, 1};
  for (const Person& p : m.persons) {
    for (const Term& t : p.terms) last = std::max(last, t.to.valid() ? t.to : t.from);
  }
  for (const Country& c : m.countries) {
    auto it = m.offices_by_kind.find("head_of_state\t" + c.iso3);
    if (it == m.offices_by_kind.end()) continue;
    std::vector<std::pair<Date, Date>> spans;
    for (int32_t o : it->second) {
      for (auto [person, term] : m.holders[o]) {
        const Term& t = m.persons[person].terms[term];
        spans.emplace_back(t.from, t.to.valid() ? t.to : last);
      }
    }
    std::sort(spans.begin(), spans.end());
    Date covered = Date{2000, 1, 1}.AddDays(-1);
    bool ok = !spans.empty();
    for (auto [from, to] : spans) {
      if (from.ToDays() - covered.ToDays() > 31) {
        ok = false;
        break;
      }
      covered = std::max(covered, to);
    }
    if (ok && last.ToDays() - covered.ToDays() <= 31) ++s.countries_hos_complete;
  }
  return s;
}

std::vector<KbMatch> KnowledgeBase::Match(const std::vector<Token>& tokens, uint32_t begin,
                                          uint32_t end) const {
  const Impl& m = *impl_;
  std::vector<KbMatch> out;
  end = std::min<uint32_t>(end, static_cast<uint32_t>(tokens.size()));
  uint32_t free_from = begin;  // first token not inside an earlier match
  uint32_t i = begin;
  while (i < end) {
    // Every key ending reachable from i, shortest first.
    std::vector<std::pair<uint32_t, const std::vector<Entry>*>> ends;
    uint32_t node = 0;
    for (uint32_t j = i; j < end; ++j) {
      auto v = m.vocab.find(tokens[j].fold);
      if (v == m.vocab.end()) break;
      auto e = m.edges.find((static_cast<uint64_t>(node) << 32) | v->second);
      if (e == m.edges.end()) break;
      node = e->second;
      if (!m.node_entries[node].empty()) ends.emplace_back(j + 1, &m.node_entries[node]);
    }
    // The longest ending with an acceptable entry wins.
    KbMatch match;
    bool found = false;
    for (auto it = ends.rbegin(); it != ends.rend() && !found; ++it) {
      for (const Entry& e : *it->second) {
        if (IsName(e.kind) || e.needs_cap) {
          uint32_t head = i + e.cap_pos;
          if (head >= it->first || !tokens[head].capitalized) continue;
        }
        if (!found) {
          match.tok_begin = i;
          match.tok_end = it->first;
          match.kind = e.kind;
          match.index = e.index;
          match.country = e.country;
          found = true;
        } else if (e.kind == match.kind) {
          if (match.alternatives.empty()) match.alternatives.push_back(match.index);
          match.alternatives.push_back(e.index);
        }
      }
    }
    if (!found) {
      ++i;
      continue;
    }
    // Articles go with places, countries, seats and orgs; not with people ("the Bush years").
    if (IsName(match.kind) && match.kind != KbKind::kPerson && match.tok_begin > free_from &&
        IsArticle(tokens[match.tok_begin - 1].fold)) {
      bool key_has_article = IsArticle(tokens[match.tok_begin].fold) && match.tok_end - match.tok_begin > 1;
      if (!key_has_article) --match.tok_begin;
    }
    i = match.tok_end;
    free_from = i;
    out.push_back(std::move(match));
  }
  return out;
}

const std::vector<Country>& KnowledgeBase::countries() const { return impl_->countries; }
const std::vector<Place>& KnowledgeBase::places() const { return impl_->places; }
const std::vector<Seat>& KnowledgeBase::seats() const { return impl_->seats; }
const std::vector<Org>& KnowledgeBase::orgs() const { return impl_->orgs; }
const std::vector<Office>& KnowledgeBase::offices() const { return impl_->offices; }
const std::vector<Person>& KnowledgeBase::persons() const { return impl_->persons; }
const std::vector<Title>& KnowledgeBase::titles() const { return impl_->titles; }

const Country* KnowledgeBase::CountryByCode(std::string_view iso3) const {
  auto it = impl_->country_by_code.find(std::string(iso3));
  return it == impl_->country_by_code.end() ? nullptr : &impl_->countries[it->second];
}

const Org* KnowledgeBase::OrgByCode(std::string_view code) const {
  auto it = impl_->org_by_code.find(std::string(code));
  return it == impl_->org_by_code.end() ? nullptr : &impl_->orgs[it->second];
}

namespace {
bool Covers(const Term& t, Date date) { return t.from <= date && (!t.to.valid() || date <= t.to); }
}  // namespace

const Person* KnowledgeBase::Holder(std::string_view kind, std::string_view country_or_org, Date date) const {
  if (kind == "leader") {
    const Person* p = Holder("head_of_state", country_or_org, date);
    return p != nullptr ? p : Holder("head_of_government", country_or_org, date);
  }
  const Impl& m = *impl_;
  std::string key(kind);
  key += '\t';
  key += country_or_org;
  auto it = m.offices_by_kind.find(key);
  if (it == m.offices_by_kind.end()) return nullptr;
  // On a hand-over day both terms cover the date: the one that began last wins.
  const Person* best = nullptr;
  Date best_from;
  for (int32_t office : it->second) {
    for (auto [person, term] : m.holders[office]) {
      const Term& t = m.persons[person].terms[term];
      if (Covers(t, date) && (best == nullptr || best_from < t.from)) {
        best = &m.persons[person];
        best_from = t.from;
      }
    }
  }
  return best;
}

const Term* KnowledgeBase::TermOn(const Person& person, Date date) const {
  for (const Term& t : person.terms) {
    if (Covers(t, date)) return &t;
  }
  return nullptr;
}

const Term* KnowledgeBase::TermOfKind(const Person& person, std::string_view kind, Date date) const {
  for (const Term& t : person.terms) {
    if (t.office >= 0 && static_cast<size_t>(t.office) < impl_->offices.size() &&
        impl_->offices[t.office].kind == kind && Covers(t, date)) {
      return &t;
    }
  }
  return nullptr;
}

}  // namespace entente
