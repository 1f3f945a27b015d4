#include "extract/extractor.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

namespace entente {

namespace {

// A participant as resolved from the text.
struct ActorVal {
  int32_t person = -1;  // index into kb.persons(), -1 if not a known person
  std::string name;     // person (known or not) or organization name; "" for a country alone
  std::string country;
  std::string org;
  std::string office;
  std::string office_kind;  // office kind of a title that named the actor ("head_of_state")
  bool seat = false;        // a seat of power standing for its government ("le Kremlin")
  uint32_t begin = 0, end = 0;

  bool IsPerson() const { return person >= 0 || (!name.empty() && org.empty()); }
  bool Same(const ActorVal& o) const {
    if (person >= 0 || o.person >= 0) return person == o.person;
    if (!org.empty() || !o.org.empty()) return org == o.org;
    return name == o.name && country == o.country;
  }
};

// A phrase of the sentence that can be an actor, a place, or a reference.
struct Unit {
  uint32_t tb = 0, te = 0;  // tokens [tb, te)
  std::vector<ActorVal> actors;
  bool actor = false;           // can stand as an actor
  bool pair_ref = false;        // "ils", "les deux présidents"
  bool pair_countries = false;  // "les deux pays"
  bool adj_of_event = false;    // a country adjective right after an event noun ("frappes russes")
  std::string pair_kind;        // "les deux présidents": the pair must hold such offices ("leader" = state or government head)
  bool person_ref = false;      // "il", "elle"
  bool possessive = false;      // "leur", "son": only before an event noun
  bool counterpart = false;     // "son homologue iranien" without a name: resolved against the other party
  std::string counterpart_country;
  bool place = false;  // can be a place
  Location loc;
  bool city = false;  // place is a city (more specific than a country)
  std::string prep;   // folded preposition before the unit ("" if none)
  int32_t prep_tok = -1;
};

struct TimeRef {
  const TimeExpr* expr = nullptr;
};

// One report of an event in one sentence.
struct Mention {
  const Pattern* pattern = nullptr;
  std::string type;
  std::string cameo;
  uint32_t trigger = 0;  // token
  uint32_t trigger_end = 0;
  size_t sentence = 0;
  std::vector<std::pair<ActorVal, Role>> actors;
  std::optional<EventDate> date;
  bool own_date = false;  // the date came from the text, not the publication date
  std::optional<Location> location;
  bool city = false;
  bool background = false;
  bool bg_cue = false;  // background said by the text (tense, cue), not only by the date
  bool future = false;
  bool negated = false;
  bool in_speech = false;
  bool weak = false;  // an anaphoric report (no date, no cue): never decides flags
  bool framed = false;  // its sentence places it inside an event told before ("en marge de la visite")
  bool dropped = false;  // restates another mention of its sentence: not reported
  bool after_gathering = false;  // an earlier sentence named a gathering as a setting ("on the sidelines of
                                 // the summit"): "the summit" now means that gathering
  bool adjunct = false;  // an English present participle with no auxiliary ("signed …, pledging to"): its
                         // clause starts at the trigger, so dates and places before it are the main verb's
  std::vector<std::string> attributes;
  Evidence evidence;
  int32_t speaker_person = -1;
};


bool Overlap(const EventDate& a, const EventDate& b) { return !(a.to < b.from || b.to < a.from); }

int64_t Span(const EventDate& d) { return d.to.ToDays() - d.from.ToDays(); }

// Grammar roles the extractor asks about (data/<lang>/grammar.tsv), resolved to bits once per document.
enum class R : int { kAfter, kBgCue, kBoundary, kFutureCue, kHonorific, kHostVerb, kInstitution, kLightVerb, kNegation, kNegationEnd, kPair, kPairCountries, kPairPossessive, kPersonPossessive, kPersonPronoun, kPhoneCue, kPlaceAnaphor, kPreposition, kPureDeterminer, kPurpose, kRelative, kSetting, kSkipBetween, kTopicNoun, kEventNoun, kPlaceNoun, kPairLeaders, kAux, kCopula, kModal, kFutureVerb, kPerfectPast, kNegatingVerb, kPassiveAux, kPrepAvec, kPrepA, kPrepContre, kPrepEn, kPrepDe, kPrepPar, kPrepEntre, kPrepSur, kPrepPour, kGenitive, kDefiniteDet, kIndefiniteDet, kCoordinator, kSubjectPronoun, kLocative, kCount };
const char* const kRoleNames[] = {"after", "bg_cue", "boundary", "future_cue", "honorific", "host_verb", "institution", "light_verb", "negation", "negation_end", "pair", "pair_countries", "pair_possessive", "person_possessive", "person_pronoun", "phone_cue", "place_anaphor", "preposition", "pure_determiner", "purpose", "relative", "setting", "skip_between", "topic_noun", "event_noun", "place_noun", "pair_leaders", "aux", "copula", "modal", "future_verb", "perfect_past", "negating_verb", "passive_aux", "prep_avec", "prep_a", "prep_contre", "prep_en", "prep_de", "prep_par", "prep_entre", "prep_sur", "prep_pour", "genitive", "definite_determiner", "indefinite_determiner", "coordinator", "subject_pronoun", "locative"};

// English prepositions fill the slots patterns name in French (data/en/grammar.tsv, roles prep_*).
constexpr std::pair<R, const char*> kPrepSlots[] = {
    {R::kPrepAvec, "avec"}, {R::kPrepA, "a"},     {R::kPrepContre, "contre"}, {R::kPrepEn, "en"}, {R::kPrepDe, "de"},
    {R::kPrepPar, "par"},   {R::kPrepEntre, "entre"}, {R::kPrepSur, "sur"},   {R::kPrepPour, "pour"}};

static_assert(sizeof(kRoleNames) / sizeof(kRoleNames[0]) == static_cast<size_t>(R::kCount),
              "one name per grammar role");

class DocExtractor {
 public:
  DocExtractor(const KnowledgeBase& kb, const TimeTagger& time, const Lemmatizer* lem, const Rules& rules,
               const std::string& lang, const Document& doc, const Segmented& seg)
      : kb_(kb), time_(time), lem_(lem), rules_(rules), lang_(lang), en_(lang == "en"), doc_(doc), seg_(seg) {
    for (int r = 0; r < static_cast<int>(R::kCount); ++r) role_bits_[r] = rules.RoleBit(kRoleNames[r]);
    words_.reserve(seg.tokens.size());
    for (const Token& t : seg.tokens) words_.push_back(t.fold);
    ref_ = doc.published;
  }

  std::vector<Event> Run() {
    for (size_t s = 0; s < seg_.sentences.size() && mentions_.size() < Extractor::kMaxMentions; ++s) {
      Sentence(s);
    }
    return Finish();
  }

 private:
  // ---------------------------------------------------------------- words
  // The token's analyses, asked of the lemmatizer once per token of the current window (a window has fewer
  // new words than the lemmatizer keeps references valid for; see lemmatizer.h).
  const std::vector<Analysis>& An(uint32_t i) const {
    static const std::vector<Analysis> kNone;
    if (seg_.tokens[i].kind != TokenKind::kWord) return kNone;
    if (const std::vector<Analysis>* listed = rules_.VerbForm(seg_.tokens[i].fold)) return *listed;
    if (!lem_) return kNone;
    if (i < an_base_ || i - an_base_ >= an_.size()) return lem_->Analyze(seg_.tokens[i].norm);
    const std::vector<Analysis>*& slot = an_[i - an_base_];
    if (!slot) slot = &lem_->Analyze(seg_.tokens[i].norm);
    return *slot;
  }
  bool HasVerbLemma(uint32_t i, std::string_view lemma) const {
    for (const Analysis& a : An(i)) {
      if (a.verb && a.lemma_fold == lemma) return true;
    }
    return false;
  }
  bool IsVerbForm(uint32_t i) const {
    for (const Analysis& a : An(i)) {
      if (a.verb) return true;
    }
    return false;
  }
  bool IsAux(uint32_t i, bool* imperfect, bool* future, bool* etre) const {
    for (const Analysis& a : An(i)) {
      std::string l = a.lemma_fold;
      if (a.verb && IsRole(R::kAux, l)) {
        *imperfect = a.imperfect;
        *future = a.future || a.conditional;
        *etre = IsRole(R::kPassiveAux, l);
        return true;
      }
    }
    return false;
  }
  bool InTime(uint32_t i) const { return i >= time_base_ && i - time_base_ < time_mask_.size() && time_mask_[i - time_base_]; }
  bool IsRole(R r, std::string_view w) const { return rules_.IsBit(role_bits_[static_cast<int>(r)], w); }
  int Phrase(R r, const std::vector<std::string_view>& words, size_t i) const {
    return rules_.MatchPhraseBit(role_bits_[static_cast<int>(r)], words, i);
  }
  bool PureDet(std::string_view w) const { return IsRole(R::kPureDeterminer, w); }
  bool W(uint32_t i, std::string_view w) const { return i < words_.size() && words_[i] == w; }
  bool Boundary(uint32_t i) const {
    if (InTime(i)) return false;  // "hier [jeudi 07/12/2023]": a date in brackets is no clause boundary
    std::string_view w = words_[i];
    // the period of "M.", "Mme." or an initial
    if (w == "." && i > 0 && (IsRole(R::kHonorific, words_[i - 1]) || words_[i - 1].size() == 1)) return false;
    return IsRole(R::kBoundary, w) || w == "." || w == "!" || w == "?";
  }

  // ---------------------------------------------------------------- units
  ActorVal PersonActor(int32_t p, uint32_t tb, uint32_t te) const {
    const Person& person = kb_.persons()[p];
    ActorVal a;
    a.person = p;
    a.name = person.name_en;
    a.country = person.country;
    a.begin = seg_.tokens[tb].begin;
    a.end = seg_.tokens[te - 1].end;
    if (ref_) {
      if (const Term* t = kb_.TermOn(person, *ref_)) {
        a.office = kb_.offices()[t->office].name_en;
        a.office_kind = kb_.offices()[t->office].kind;
      }
    }
    return a;
  }

  ActorVal CountryActor(const std::string& iso, uint32_t tb, uint32_t te) const {
    ActorVal a;
    a.country = iso;
    a.begin = seg_.tokens[tb].begin;
    a.end = seg_.tokens[te - 1].end;
    return a;
  }

  // The most recently mentioned person of `country` whose office fits `kind` ("" = any).
  std::optional<ActorVal> RecentPerson(const std::string& country, const std::string& kind, bool non_leader) const {
    for (auto it = recent_.rbegin(); it != recent_.rend(); ++it) {
      if (!country.empty() && it->country != country) continue;
      if (!kind.empty() && kind != "official" && kind != "leader" && it->office_kind != kind) continue;
      if (kind == "leader" && it->office_kind != "head_of_state" && it->office_kind != "head_of_government") continue;
      if (non_leader && (it->office_kind == "head_of_state" || it->office_kind == "head_of_government")) continue;
      return *it;
    }
    return std::nullopt;
  }

  std::optional<ActorVal> ResolveTitle(const Title& title, const std::string& country, Date on, uint32_t tb,
                                       uint32_t te) const {
    std::string kind = title.kind;
    if (kind == "official") {
      if (auto r = RecentPerson(country, "", true)) return r;
      if (auto r = RecentPerson(country, "", false)) return r;
      return std::nullopt;
    }
    if (auto r = RecentPerson(country, kind, false)) return r;
    if (country.empty() && title.org.empty()) return std::nullopt;
    const Person* p = kb_.Holder(kind, title.org.empty() ? country : title.org, on);
    if (p) {
      ActorVal a = PersonActor(static_cast<int32_t>(p - kb_.persons().data()), tb, te);
      if (const Term* t = kb_.TermOn(*p, on)) {
        a.office = kb_.offices()[t->office].name_en;
        a.office_kind = kb_.offices()[t->office].kind;
      }
      return a;
    }
    return std::nullopt;
  }

  static void SetCity(const Place& p, Unit* u) {
    u->place = true;
    u->city = true;
    u->loc.name = p.name_en;
    u->loc.country = p.country;
    u->loc.lat = p.lat;
    u->loc.lon = p.lon;
  }

  // The date a time expression gives an event, in the past or the future reading.
  static EventDate DateOf(const TimeExpr& t, bool future) {
    EventDate d;
    bool use_future = t.tense_dependent && future;
    d.from = use_future ? t.future_from : t.from;
    d.to = use_future ? t.future_to : t.to;
    d.precision = PrecisionName(t.precision);
    d.text = t.text;
    d.begin = t.begin;
    d.end = t.end;
    return d;
  }

  // A country standing as the target because one of its places was named ("contre Kharkiv").
  ActorVal PlaceCountry(const Unit& un) const {
    ActorVal a;
    a.country = un.loc.country;
    a.begin = seg_.tokens[un.tb].begin;
    a.end = seg_.tokens[un.te - 1].end;
    return a;
  }

  // A run of capitalized words not known to the knowledge base: a person's name.
  uint32_t UnknownName(uint32_t i, uint32_t end, const std::vector<bool>& covered) const {
    uint32_t j = i;
    while (j < end && j - i < 4) {
      const Token& t = seg_.tokens[j];
      if (covered[j - cover_base_]) break;
      if (t.kind == TokenKind::kWord && t.capitalized && t.norm.size() > 1) {
        ++j;
        continue;
      }
      if (t.norm == "-" && j > i && j + 1 < end && seg_.tokens[j + 1].capitalized) {
        ++j;
        continue;
      }
      break;
    }
    return j - i >= 2 ? j : i;  // one word alone is too weak
  }

  std::vector<Unit> BuildUnits(uint32_t b, uint32_t e, Date on) {
    std::vector<Unit> units;
    std::vector<KbMatch> matches = kb_.Match(seg_.tokens, b, e);
    // covered[k - b]: token k is part of a knowledge-base match
    std::vector<bool> covered(e - b, false);
    for (const KbMatch& m : matches) {
      for (uint32_t k = m.tok_begin; k < m.tok_end && k < e; ++k) covered[k - b] = true;
    }
    cover_base_ = b;
    size_t mi = 0;
    auto next_match_at = [&](uint32_t pos) -> const KbMatch* {
      while (mi < matches.size() && matches[mi].tok_begin < pos) ++mi;
      if (mi < matches.size() && matches[mi].tok_begin == pos) return &matches[mi];
      return nullptr;
    };
    uint32_t i = b;
    while (i < e) {
      const KbMatch* m = next_match_at(i);
      if (!m) {
        // pronouns and plural references
        size_t n = static_cast<size_t>(Phrase(R::kPair, words_, i));
        if (n > 0 && i + n <= e) {
          Unit u;
          u.tb = i;
          u.te = static_cast<uint32_t>(i + n);
          u.pair_ref = true;
          u.actor = true;
          u.pair_countries = Phrase(R::kPairCountries, words_, i) == static_cast<int>(n);
          if (Phrase(R::kPairLeaders, words_, i) == static_cast<int>(n)) u.pair_kind = "leader";
          units.push_back(u);
          i = u.te;
          continue;
        }
        // "la région", "le pays": the place the text was just speaking of
        int pn = Phrase(R::kPlaceNoun, words_, i);
        if (pn > 0 && last_location_ && i + pn <= e) {
          Unit u;
          u.tb = i;
          u.te = i + pn;
          u.place = true;
          u.loc = *last_location_;
          u.loc.text = std::string(doc_.text.substr(seg_.tokens[i].begin, seg_.tokens[u.te - 1].end - seg_.tokens[i].begin));
          u.loc.begin = seg_.tokens[i].begin;
          u.loc.end = seg_.tokens[u.te - 1].end;
          u.actor = true;
          u.actors.push_back(CountryActor(last_location_->country, u.tb, u.te));
          units.push_back(u);
          i = u.te;
          continue;
        }
        if (IsRole(R::kPersonPronoun, words_[i])) {
          Unit u;
          u.tb = i;
          u.te = i + 1;
          u.person_ref = true;
          u.actor = true;
          units.push_back(u);
          ++i;
          continue;
        }
        if (IsRole(R::kPairPossessive, words_[i]) || IsRole(R::kPersonPossessive, words_[i])) {
          Unit u;
          u.tb = i;
          u.te = i + 1;
          u.possessive = true;
          u.pair_ref = IsRole(R::kPairPossessive, words_[i]);
          u.person_ref = !u.pair_ref;
          units.push_back(u);
          ++i;
          continue;
        }
        if (IsRole(R::kPlaceAnaphor, words_[i]) && seg_.tokens[i].norm == "là" && last_location_) {
          Unit u;
          u.tb = i;
          u.te = i + 1;
          u.place = true;
          u.loc = *last_location_;
          u.loc.text = "là";
          u.loc.begin = seg_.tokens[i].begin;
          u.loc.end = seg_.tokens[i].end;
          u.city = last_location_city_;
          u.prep = "a";
          units.push_back(u);
          ++i;
          continue;
        }
        ++i;
        continue;
      }
      Unit u;
      u.tb = m->tok_begin;
      u.te = m->tok_end;
      // English genitive before a title or a name: "Iran's foreign minister", "Russia's Vladimir Putin"
      std::string gen_country;
      uint32_t gen_tb = 0;
      if (en_ && (m->kind == KbKind::kTitle || m->kind == KbKind::kPerson) && !units.empty() &&
          units.back().te + 1 == m->tok_begin && IsRole(R::kGenitive, words_[units.back().te]) &&
          units.back().actors.size() == 1 && units.back().actors[0].name.empty() &&
          units.back().actors[0].org.empty() && !units.back().actors[0].country.empty()) {
        gen_country = units.back().actors[0].country;
        gen_tb = units.back().tb;
        units.pop_back();
      }
      switch (m->kind) {
        case KbKind::kPerson: {
          u.actor = true;
          u.actors.push_back(PersonActor(m->index, u.tb, u.te));
          break;
        }
        case KbKind::kCountry: {
          u.actor = true;
          u.actors.push_back(CountryActor(kb_.countries()[m->index].iso3, u.tb, u.te));
          u.place = true;
          const Country& c = kb_.countries()[m->index];
          u.loc.name = c.name_en;
          u.loc.country = c.iso3;
          if (c.capital >= 0) {
            u.loc.lat = kb_.places()[c.capital].lat;
            u.loc.lon = kb_.places()[c.capital].lon;
          }
          break;
        }
        case KbKind::kPlace: {
          const Place& p = kb_.places()[m->index];
          SetCity(p, &u);
          if (p.capital) {
            u.actor = true;  // a capital stands for its government when it acts
            u.actors.push_back(CountryActor(p.country, u.tb, u.te));
          }
          break;
        }
        case KbKind::kSeat: {
          const Seat& s = kb_.seats()[m->index];
          u.actor = true;
          ActorVal a = CountryActor(s.country, u.tb, u.te);
          a.seat = true;
          u.actors.push_back(a);
          if (s.place >= 0) SetCity(kb_.places()[s.place], &u);
          break;
        }
        case KbKind::kOrg: {
          const Org& o = kb_.orgs()[m->index];
          u.actor = true;
          ActorVal a;
          a.name = o.name_en;
          a.org = o.code;
          a.begin = seg_.tokens[u.tb].begin;
          a.end = seg_.tokens[u.te - 1].end;
          u.actors.push_back(a);
          break;
        }
        case KbKind::kAdjective: {
          if (en_) {
            // English puts the adjective first: "Russian strikes", "Israeli tank shelling", "the Russian army"
            if (int n = Phrase(R::kInstitution, words_, m->tok_end); n > 0 && m->tok_end + n <= e) {
              u.te = m->tok_end + n;
              u.actor = true;
              ActorVal a = CountryActor(kb_.countries()[m->index].iso3, u.tb, u.te);
              a.office = std::string(seg_.tokens[m->tok_end].norm);
              u.actors.push_back(a);
              break;
            }
            if (Phrase(R::kEventNoun, words_, m->tok_end) > 0 ||
                (m->tok_end + 1 < e && Phrase(R::kEventNoun, words_, m->tok_end + 1) > 0)) {
              u.actor = true;
              u.adj_of_event = true;
              u.actors.push_back(CountryActor(kb_.countries()[m->index].iso3, u.tb, u.te));
              break;
            }
            i = m->tok_end;
            continue;
          }
          // an institution named by its country's adjective ("l'armée russe", "la diplomatie iranienne")
          // "frappes russes", "sanctions américaines": the adjective names who acts
          if (m->tok_begin > b && IsRole(R::kEventNoun, words_[m->tok_begin - 1])) {
            u.actor = true;
            u.adj_of_event = true;
            u.actors.push_back(CountryActor(kb_.countries()[m->index].iso3, u.tb, u.te));
            break;
          }
          if (m->tok_begin > b && IsRole(R::kInstitution, words_[m->tok_begin - 1])) {
            u.tb = m->tok_begin - 1;
            u.actor = true;
            ActorVal a = CountryActor(kb_.countries()[m->index].iso3, u.tb, u.te);
            a.office = std::string(seg_.tokens[u.tb].norm);
            u.actors.push_back(a);
            break;
          }
          i = m->tok_end;  // an adjective alone is no actor
          continue;
        }
        case KbKind::kTitle: {
          BuildTitleUnit(*m, matches, mi, e, covered, on, gen_country, &u);
          break;
        }
      }
      if (!gen_country.empty()) {
        u.tb = gen_tb;
        for (ActorVal& a : u.actors) a.begin = seg_.tokens[gen_tb].begin;
      }
      if (en_ && m->kind == KbKind::kCountry) {
        // "US officials", "Iran's foreign ministry": the country's institution; "US sanctions": who acts
        uint32_t q = u.te;
        if (q < e && IsRole(R::kGenitive, words_[q])) ++q;
        if (int n = Phrase(R::kInstitution, words_, q); n > 0 && q + n <= e) {
          u.te = q + n;
          u.place = false;
          u.actors[0].office = std::string(seg_.tokens[q].norm);
          u.actors[0].end = seg_.tokens[u.te - 1].end;
        } else if (Phrase(R::kEventNoun, words_, u.te) > 0) {
          u.adj_of_event = true;
        }
      }
      if (u.place && !u.loc.country.empty()) {
        u.loc.text = std::string(doc_.text.substr(seg_.tokens[u.tb].begin,
                                                  seg_.tokens[u.te - 1].end - seg_.tokens[u.tb].begin));
        u.loc.begin = seg_.tokens[u.tb].begin;
        u.loc.end = seg_.tokens[u.te - 1].end;
      }
      i = std::max(u.te, i + 1);
      units.push_back(std::move(u));
    }
    // prepositions
    for (Unit& u : units) {
      int32_t t = static_cast<int32_t>(u.tb) - 1;
      while (t >= static_cast<int32_t>(b) &&
             (PureDet(words_[t]) || IsRole(R::kHonorific, words_[t]) ||
              (words_[t] == "." && t > static_cast<int32_t>(b) && IsRole(R::kHonorific, words_[t - 1]))))
        --t;
      if (t >= static_cast<int32_t>(b) && IsRole(R::kPreposition, words_[t])) {
        u.prep = en_ ? EnSlot(words_[t]) : std::string(words_[t]);
        u.prep_tok = t;
      }
    }
    // "son homologue iranien": the holder, in that country, of the office of the person named before
    for (size_t k = 0; k < units.size(); ++k) {
      Unit& u = units[k];
      if (!u.counterpart || !u.actors.empty()) continue;
      std::string kind;
      for (int j = static_cast<int>(k) - 1; j >= 0 && kind.empty(); --j) {
        for (const ActorVal& a : units[j].actors) {
          if (a.IsPerson() && !a.office_kind.empty() && a.country != u.counterpart_country) kind = a.office_kind;
        }
      }
      for (auto it = recent_.rbegin(); it != recent_.rend() && kind.empty(); ++it) {
        if (!it->office_kind.empty() && it->country != u.counterpart_country) kind = it->office_kind;
      }
      if (kind.empty() || u.counterpart_country.empty()) continue;
      Title t;
      t.kind = kind;
      if (auto r = ResolveTitle(t, u.counterpart_country, on, u.tb, u.te)) {
        ActorVal a = *r;
        a.begin = seg_.tokens[u.tb].begin;
        a.end = seg_.tokens[u.te - 1].end;
        u.actors.push_back(a);
      } else {
        u.actors.push_back(CountryActor(u.counterpart_country, u.tb, u.te));
      }
    }
    return units;
  }

  // Title (+ adjective) (+ ", Name ,") → one unit.
  void BuildTitleUnit(const KbMatch& m, const std::vector<KbMatch>& matches, size_t mi, uint32_t e,
                      const std::vector<bool>& covered, Date on, const std::string& gen_country, Unit* u) {
    const Title& title = kb_.titles()[m.index];
    std::vector<std::string> countries;
    if (!gen_country.empty()) countries.push_back(gen_country);
    if (!title.country.empty()) countries.push_back(title.country);
    if (m.country >= 0) countries.push_back(kb_.countries()[m.country].iso3);
    uint32_t j = m.tok_end;
    size_t k = mi + 1;
    // adjectives right after the title: "président russe", "présidents iranien et russe"
    while (k < matches.size() && matches[k].tok_begin <= j + 1 && matches[k].tok_begin >= j &&
           matches[k].kind == KbKind::kAdjective) {
      if (matches[k].tok_begin == j + 1 && !(words_[j] == "et" || words_[j] == ",")) break;
      countries.push_back(kb_.countries()[matches[k].index].iso3);
      j = matches[k].tok_end;
      ++k;
    }
    // "du Kremlin", "de l'ONU" after the title: the seat or org gives the country
    if (countries.empty() && title.org.empty() && j + 1 < e && (words_[j] == "du" || words_[j] == "de") &&
        k < matches.size() && matches[k].tok_begin <= j + 2 &&
        (matches[k].kind == KbKind::kSeat || matches[k].kind == KbKind::kCountry)) {
      countries.push_back(matches[k].kind == KbKind::kSeat ? kb_.seats()[matches[k].index].country
                                                             : kb_.countries()[matches[k].index].iso3);
      j = matches[k].tok_end;
      ++k;
    }
    // English "leaders of Brazil, India and China": the countries follow the title
    if (en_ && countries.empty() && title.org.empty() && j + 1 < e && words_[j] == "of") {
      size_t q = k;
      uint32_t at = j + 1;
      while (q < matches.size() && matches[q].tok_begin == at && matches[q].kind == KbKind::kCountry) {
        countries.push_back(kb_.countries()[matches[q].index].iso3);
        at = matches[q].tok_end;
        ++q;
        if (at < e && (words_[at] == "," || IsRole(R::kCoordinator, words_[at]))) ++at;
        if (at < e && IsRole(R::kCoordinator, words_[at])) ++at;
      }
      if (!countries.empty()) {
        j = matches[q - 1].tok_end;
        k = q;
      }
    }
    // a name after the title, possibly between commas
    uint32_t n = j;
    bool comma = n < e && words_[n] == ",";
    if (comma) ++n;
    while (n < e && IsRole(R::kHonorific, words_[n])) ++n;
    if (n < e && seg_.tokens[n].norm == ".") ++n;
    if (k < matches.size() && matches[k].tok_begin == n && matches[k].kind == KbKind::kPerson) {
      ActorVal a = PersonActor(matches[k].index, matches[k].tok_begin, matches[k].tok_end);
      u->actors.push_back(a);
      u->actor = true;
      u->te = matches[k].tok_end;
      if (comma && u->te < e && words_[u->te] == ",") ++u->te;  // closing comma of the apposition
      return;
    }
    uint32_t name_end = UnknownName(n, e, covered);
    if (name_end > n) {
      ActorVal a;
      a.name = std::string(doc_.text.substr(seg_.tokens[n].begin, seg_.tokens[name_end - 1].end - seg_.tokens[n].begin));
      a.country = countries.empty() ? "" : countries[0];
      a.office_kind = title.kind;
      a.begin = seg_.tokens[n].begin;
      a.end = seg_.tokens[name_end - 1].end;
      u->actors.push_back(a);
      u->actor = true;
      u->te = name_end;
      if (comma && u->te < e && words_[u->te] == ",") ++u->te;
      return;
    }
    u->te = j;
    u->actor = true;
    if (title.kind == "counterpart") {
      u->counterpart = true;
      u->counterpart_country = countries.empty() ? "" : countries[0];
      return;
    }
    if (title.plural && countries.size() <= 1 && title.country.empty()) {
      if (countries.empty()) {
        u->pair_ref = true;
        u->pair_kind = title.kind == "head_of_state" || title.kind == "head_of_government" ? "leader" : title.kind;
        return;
      }
    }
    if (countries.empty() && title.org.empty()) {
      // "le président" alone: the latest person with such an office
      if (auto r = RecentPerson("", title.kind, false)) u->actors.push_back(*r);
      else u->actor = false;
      return;
    }
    if (countries.empty()) countries.push_back("");
    for (const std::string& c : countries) {
      if (auto r = ResolveTitle(title, c, on, u->tb, u->te)) {
        ActorVal a = *r;
        a.begin = seg_.tokens[u->tb].begin;
        a.end = seg_.tokens[u->te - 1].end;
        u->actors.push_back(a);
      } else if (!c.empty()) {
        ActorVal a = CountryActor(c, u->tb, u->te);
        a.office_kind = title.kind;
        u->actors.push_back(a);
      } else if (!title.org.empty()) {
        ActorVal a;
        a.org = title.org;
        if (const Org* o = kb_.OrgByCode(title.org)) a.name = o->name_en;
        a.begin = seg_.tokens[u->tb].begin;
        a.end = seg_.tokens[u->te - 1].end;
        u->actors.push_back(a);
      }
    }
    if (u->actors.empty()) u->actor = false;
  }

  // ---------------------------------------------------------------- references
  std::vector<ActorVal> ResolveUnit(const Unit& u) const {
    if (!u.actors.empty()) return u.actors;
    if (u.pair_ref) {
      if (u.pair_countries) {
        std::vector<ActorVal> out;
        for (const ActorVal& a : pair_) {
          ActorVal c;
          c.country = a.country;
          c.begin = seg_.tokens[u.tb].begin;
          c.end = seg_.tokens[u.te - 1].end;
          out.push_back(c);
        }
        return out;
      }
      if (!u.pair_kind.empty()) {
        // the latest pair whose members hold such offices
        auto fits = [&](const ActorVal& a) {
          if (u.pair_kind == "leader") return a.office_kind == "head_of_state" || a.office_kind == "head_of_government";
          return a.office_kind == u.pair_kind;
        };
        for (auto it = pairs_.rbegin(); it != pairs_.rend(); ++it) {
          if (std::all_of(it->begin(), it->end(), fits)) return *it;
        }
      }
      return pair_;
    }
    if (u.person_ref) {
      // a person named earlier in the same sentence, else the latest person of the text
      if (cur_units_) {
        // the subject of the sentence (the first person named without a preposition), else the nearest
        for (const Unit& x : *cur_units_) {
          if (x.tb >= u.tb) break;
          if (!x.prep.empty()) continue;
          for (const ActorVal& a : x.actors) {
            if (a.IsPerson()) return {a};
          }
        }
        for (auto it = cur_units_->rbegin(); it != cur_units_->rend(); ++it) {
          if (it->tb >= u.tb) continue;
          for (const ActorVal& a : it->actors) {
            if (a.IsPerson()) return {a};
          }
        }
      }
      if (!recent_.empty()) return {recent_.back()};
    }
    return {};
  }

  void NoteActors(const std::vector<ActorVal>& actors) {
    for (const ActorVal& a : actors) {
      if (!a.IsPerson()) continue;
      recent_.erase(std::remove_if(recent_.begin(), recent_.end(), [&](const ActorVal& r) { return r.Same(a); }),
                    recent_.end());
      recent_.push_back(a);
      if (recent_.size() > 20) recent_.erase(recent_.begin());
    }
  }

  void NotePair(const std::vector<ActorVal>& actors) {
    std::vector<ActorVal> persons;
    std::set<std::string> countries;
    for (const ActorVal& a : actors) {
      if (a.IsPerson() || !a.country.empty()) {
        bool dup = false;
        for (const ActorVal& p : persons) dup = dup || p.Same(a);
        if (!dup) persons.push_back(a);
        countries.insert(a.country);
      }
    }
    // "the two": a pair of parties from two countries
    if (persons.size() != 2 || countries.size() != 2) return;
    // countries alone do not replace named persons
    bool all_countries = std::none_of(persons.begin(), persons.end(), [](const ActorVal& a) { return a.IsPerson(); });
    bool had_persons = std::any_of(pair_.begin(), pair_.end(), [](const ActorVal& a) { return a.IsPerson(); });
    if (all_countries && had_persons) return;
    pair_ = persons;
    pairs_.push_back(persons);
    if (pairs_.size() > 16) pairs_.erase(pairs_.begin());
  }

  // ---------------------------------------------------------------- sentence
  struct Trigger {
    const Pattern* p;
    uint32_t tok;
    uint32_t end;
  };

  const Pattern* MatchPattern(uint32_t i, uint32_t b, uint32_t e, uint32_t* end) const {
    const Token& tok = seg_.tokens[i];
    if (tok.kind != TokenKind::kWord) return nullptr;
    std::vector<std::string> keys;
    keys.emplace_back(tok.fold);
    for (const Analysis& a : An(i)) {
      std::string l = a.lemma_fold;
      if (std::find(keys.begin(), keys.end(), l) == keys.end()) keys.push_back(l);
    }
    for (const std::string& key : keys) {
      for (const Pattern* p : rules_.PatternsFor(key)) {
        // part of speech
        bool ok = false;
        if (en_) {
          ok = EnPosFits(*p, i, b, key);
        } else if (p->pos == Pattern::Pos::kVerb) {
          ok = HasVerbLemma(i, p->words[0]) && !(tok.fold == p->words[0] + "s" && !IsVerbForm(i));
          // a noun homograph after a determiner is no verb ("la tenue", "une aide")
          if (ok && i > b && PureDet(words_[i - 1]) && words_[i - 1] != "leur") ok = false;
          // after "de" a verb is an infinitive ("menaces de frappes" is a noun)
          if (ok && i > b && (words_[i - 1] == "de" || words_[i - 1] == "d'" || words_[i - 1] == "des" ||
                              words_[i - 1] == "du")) {
            bool inf = false;
            for (const Analysis& a : An(i)) inf = inf || (a.verb && a.infinitive);
            ok = inf;
          }
        } else if (p->pos == Pattern::Pos::kNoun) {
          // by the dictionary's analysis; by the word's form only when the dictionary does not know it
          const std::vector<Analysis>& an = An(i);
          for (const Analysis& a : an) ok = ok || (a.noun && a.lemma_fold == p->words[0]);
          if (an.empty()) {
            ok = tok.fold == p->words[0] || tok.fold == p->words[0] + "s" || tok.fold == p->words[0] + "x";
          }
          // after a subject or object pronoun the word is a verb ("il visite", "elles se rencontrent")
          if (ok && i > b) {
            std::string_view prev = words_[i - 1];
            if (prev == "il" || prev == "elle" || prev == "ils" || prev == "elles" || prev == "on" || prev == "se" ||
                prev == "s'" || prev == "ne" || prev == "n'" || prev == "qui")
              ok = false;
          }
        } else {
          const std::string& w = p->words[0];
          const std::vector<Analysis>& an = An(i);
          for (const Analysis& a : an) ok = ok || (a.adjective && a.lemma_fold == w);
          if (an.empty()) ok = tok.fold == w || tok.fold == w + "e" || tok.fold == w + "s" || tok.fold == w + "es";
        }
        if (!ok) continue;
        // following words
        uint32_t j = i + 1;
        bool rest = true;
        for (size_t k = 1; k < p->words.size(); ++k, ++j) {
          if (j >= e || words_[j] != p->words[k]) {
            rest = false;
            break;
          }
        }
        if (!rest) continue;
        // reflexive
        if (p->refl >= 0) {
          bool refl = false;
          for (int k = 1; k <= 4 && static_cast<int>(i) - k >= static_cast<int>(b); ++k) {
            std::string_view w = words_[i - k];
            if (w == "se" || w == "s'") {
              refl = true;
              break;
            }
            if (!(IsAuxWord(i - k) || IsRole(R::kSkipBetween, w))) break;
          }
          if ((p->refl == 1) != refl) continue;
        }
        // cue
        if (!p->cue.empty()) {
          bool cue = false;
          uint32_t lo = i >= b + p->window ? i - p->window : b;
          uint32_t hi = std::min(e, j + p->window);
          for (uint32_t k = lo; k < hi && !cue; ++k) {
            if (k >= i && k < j) continue;
            for (const std::string& c : p->cue) cue = cue || words_[k] == c;
          }
          if (!cue) continue;
        }
        *end = j;
        return p;
      }
    }
    return nullptr;
  }

  // English: does the word at i, whose form or lemma is `key`, fit the pattern's part of speech?
  bool EnPosFits(const Pattern& p, uint32_t i, uint32_t b, const std::string& key) const {
    const Token& tok = seg_.tokens[i];
    // a capitalized word inside the sentence is part of a name ("Islamic State", "the Union Buildings")
    if (tok.capitalized && i > b && words_[i - 1] != "\"") return false;
    if (p.pos == Pattern::Pos::kAdj) return tok.fold == p.words[0];
    bool verbal = EnVerbal(i, b);
    if (p.pos == Pattern::Pos::kNoun) {
      if (verbal) return false;
      // a noun by its form ("talks", "visit", "visits"), not by a verb's inflection ("visited")
      for (const Analysis& a : An(i)) {
        if (a.verb && (a.participle_past || a.simple_past || a.participle_present) && key != tok.fold) return false;
      }
      return true;
    }
    if (verbal) return true;
    // a verb with no noun homograph among the patterns is a verb unless a determiner precedes it ("says");
    // only a verb's own form counts ("agreement" has the stem "agree" but is no form of it)
    bool own_form = tok.fold == key || tok.fold == key + "s" || tok.fold == key + "es";
    for (const Analysis& a : An(i)) own_form = own_form || (a.verb && a.lemma_fold == key);
    if (!own_form) return false;
    for (const Pattern* q : rules_.PatternsFor(key)) {
      if (q->pos == Pattern::Pos::kNoun) return false;
    }
    int32_t k = static_cast<int32_t>(i) - 1;
    while (k >= static_cast<int32_t>(b) && IsRole(R::kSkipBetween, words_[k])) --k;
    // after a determiner, a genitive or a preposition ("by telephone") the word is a noun
    return !(k >= static_cast<int32_t>(b) && (PureDet(words_[k]) || IsRole(R::kGenitive, words_[k]) ||
                                              (IsRole(R::kPreposition, words_[k]) && words_[k] != "to")));
  }

  // A definite, demonstrative or possessive determiner before the noun (adjectives may sit between): the
  // noun speaks of a known event ("la réunion", "leur entretien"), not of a generic one ("des négociations").
  bool DefiniteBefore(uint32_t tok, uint32_t b) const {
    for (int k = 1; k <= 4 && static_cast<int>(tok) - k >= static_cast<int>(b); ++k) {
      std::string_view w = words_[tok - k];
      if (IsRole(R::kDefiniteDet, w) || IsRole(R::kGenitive, w)) return true;
      if (IsRole(R::kIndefiniteDet, w)) return false;
    }
    return false;
  }

  bool IsAuxWord(uint32_t i) const {
    bool imp, fut, etre;
    return IsAux(i, &imp, &fut, &etre);
  }

  // ---------------------------------------------------------------- English
  // en_US gives no part of speech: whether a word is a verb here follows from its form and the words before.
  // An -ed or irregular past form is a verb unless a determiner or a genitive precedes it; a base or -s form
  // is one after an auxiliary, a modal or "to" (base form only), a pronoun or a capitalized subject.
  bool EnVerbal(uint32_t i, uint32_t b) const {
    const Token& tok = seg_.tokens[i];
    bool past = false, ing = false, lemma_is_form = false;
    for (const Analysis& a : An(i)) {
      if (a.verb && (a.participle_past || a.simple_past)) past = true;
      if (a.verb && a.participle_present) ing = true;
      if (a.lemma_fold == tok.fold) lemma_is_form = true;
    }
    const bool s_form = !past && !ing && !lemma_is_form && tok.fold.size() > 2 && tok.fold.back() == 's';
    int32_t k = static_cast<int32_t>(i) - 1;
    while (k >= static_cast<int32_t>(b) && IsRole(R::kSkipBetween, words_[k])) --k;
    if (k < static_cast<int32_t>(b)) return past;
    std::string_view prev = words_[k];
    if (PureDet(prev) || IsRole(R::kGenitive, prev) || prev == "of" || prev == "for") return false;
    if (prev == "to" || IsRole(R::kModal, prev) || IsAuxWord(static_cast<uint32_t>(k))) return !s_form;
    if (past || ing) return true;
    if (IsRole(R::kPersonPronoun, prev) || IsRole(R::kRelative, prev) || IsRole(R::kSubjectPronoun, prev)) return true;
    return seg_.tokens[k].capitalized && k > static_cast<int32_t>(b);
  }

  struct EnGroup {
    uint32_t start = 0;
    bool pluperfect = false, future = false, passive = false, negated = false, infinitive = false;
    bool reduced = false;  // a participle after a noun: the noun is no subject
    bool adjunct = false;  // a present participle with no auxiliary, after other words: a participial clause
  };
  // English verb group before the trigger: auxiliaries ("has been received"), modals ("will visit", "could
  // impose": future), "is expected to", "plans to" (future), "refused to", "did not" (negated), a bare "to"
  // after another verb (an infinitive: no event of its own).
  EnGroup EnVerbGroup(uint32_t tok, uint32_t b) const {
    EnGroup g;
    g.start = tok;
    bool participle = false, ing = false;
    for (const Analysis& a : An(tok)) {
      if (a.verb && a.participle_past) participle = true;
      if (a.verb && a.participle_present) ing = true;
    }
    if (An(tok).empty() && seg_.tokens[tok].fold.size() > 3 &&
        seg_.tokens[tok].fold.compare(seg_.tokens[tok].fold.size() - 2, 2, "ed") == 0)
      participle = true;
    bool to = false, to_done = false, seen_aux = false, be_next = false;
    int32_t k = static_cast<int32_t>(tok) - 1;
    while (k >= static_cast<int32_t>(b) && tok - k <= 7) {
      std::string_view w = words_[k];
      if (IsRole(R::kNegationEnd, w)) {
        g.negated = true;
      } else if (w == "to" && !to && !seen_aux) {
        to = true;
      } else if (to && !to_done && IsRole(R::kFutureVerb, w)) {
        g.future = true;
        to_done = true;
      } else if (to && !to_done && IsRole(R::kNegatingVerb, w)) {
        g.negated = true;
        to_done = true;
      } else if (IsRole(R::kModal, w)) {
        g.future = true;
      } else if (IsAuxWord(static_cast<uint32_t>(k))) {
        bool imp, fut, be;
        IsAux(static_cast<uint32_t>(k), &imp, &fut, &be);
        if (!seen_aux && !to) be_next = be;
        seen_aux = true;
        if (IsRole(R::kPerfectPast, w)) g.pluperfect = true;
      } else if (IsRole(R::kSkipBetween, w)) {
        // part of the group
      } else {
        break;
      }
      g.start = static_cast<uint32_t>(k);
      --k;
    }
    while (g.start < tok && IsRole(R::kSkipBetween, words_[g.start]) && !IsRole(R::kNegationEnd, words_[g.start]))
      ++g.start;
    if (to && !to_done) {
      g.infinitive = true;
      g.start = tok;
    }
    g.passive = be_next && participle && !ing;
    g.adjunct = ing && !participle && !seen_aux && !to && g.start == tok && tok > b;
    // "restrictions imposed since 2022": a participle right after an event noun is a reduced passive relative
    if (!seen_aux && !to && participle && g.start == tok && tok > b && IsRole(R::kEventNoun, words_[tok - 1])) {
      g.passive = true;
      g.reduced = true;
    }
    return g;
  }

  // The slot an English preposition fills ("with" → "avec"); the word itself when it fills none.
  std::string EnSlot(std::string_view prep) const {
    for (const auto& [r, slot] : kPrepSlots) {
      if (IsRole(r, prep)) return slot;
    }
    return std::string(prep);
  }

  // Subject of the verb group that starts at `start` (aux or verb), scanning left.
  int FindSubject(const std::vector<Unit>& units, uint32_t start, uint32_t b) const {
    // relative pronoun right before the verb group: its antecedent
    int32_t t = static_cast<int32_t>(start) - 1;
    while (t >= static_cast<int32_t>(b) && (IsRole(R::kSkipBetween, words_[t]) || IsAuxWord(t)) &&
           !IsRole(R::kRelative, words_[t]) && !UnitAt(units, t))
      --t;
    bool relative = t >= static_cast<int32_t>(b) && IsRole(R::kRelative, words_[t]);
    for (int u = static_cast<int>(units.size()) - 1; u >= 0; --u) {
      const Unit& un = units[u];
      if (un.te > start) continue;
      if (!un.actor || un.possessive) continue;
      // stop at a clause boundary between the unit and the verb
      bool blocked = false;
      for (uint32_t k = un.te; k < start; ++k) {
        if (Boundary(k) && !(relative && IsRole(R::kRelative, words_[k]))) {
          blocked = true;
          break;
        }
      }
      if (blocked) return -1;
      if (relative) return u;  // the antecedent, whatever its preposition
      if (un.prep.empty()) return u;
    }
    return -1;
  }

  const Unit* UnitAt(const std::vector<Unit>& units, int32_t tok) const {
    for (const Unit& u : units) {
      if (static_cast<int32_t>(u.tb) <= tok && tok < static_cast<int32_t>(u.te)) return &u;
    }
    return nullptr;
  }

  // Units coordinated with units[u] ("X, Y et Z"), leftwards then rightwards.
  std::vector<int> Coordinated(const std::vector<Unit>& units, int u, bool left, bool right) const {
    std::vector<int> out{u};
    auto connects = [&](uint32_t from, uint32_t to) {
      // tokens between two units: only connectors (a comma-enclosed aside may sit between)
      std::vector<uint32_t> toks;
      for (uint32_t k = from; k < to; ++k) {
        if (PureDet(words_[k]) || IsRole(R::kHonorific, words_[k]) || words_[k] == ".") continue;
        toks.push_back(k);
      }
      int first_comma = -1, last_comma = -1;
      for (size_t k = 0; k < toks.size(); ++k) {
        if (words_[toks[k]] == ",") {
          if (first_comma < 0) first_comma = static_cast<int>(k);
          last_comma = static_cast<int>(k);
        }
      }
      std::string rest;
      for (size_t k = 0; k < toks.size(); ++k) {
        if (first_comma >= 0 && last_comma > first_comma && static_cast<int>(k) > first_comma &&
            static_cast<int>(k) < last_comma)
          continue;
        if (words_[toks[k]] == ",") continue;
        if (!rest.empty()) rest += ' ';
        rest += words_[toks[k]];
      }
      if (toks.empty()) return false;
      return rest.empty() || IsRole(R::kCoordinator, rest);
    };
    if (left) {
      int first = u;
      for (int v = u - 1; v >= 0; --v) {
        if (units[v].possessive) continue;  // "son" in "et son homologue" is a determiner
        if (!units[v].prep.empty() && units[v].prep != units[u].prep) continue;  // inside an aside: look past it
        if (!units[v].actor) break;
        if (!connects(units[v].te, units[first].tb)) break;
        out.push_back(v);
        first = v;
      }
    }
    if (right) {
      int last = u;
      for (int v = u + 1; v < static_cast<int>(units.size()); ++v) {
        if (units[v].possessive) continue;
        if (!units[v].actor) break;
        if (!connects(units[last].te, units[v].tb)) break;
        if (!units[v].prep.empty() && units[v].prep != "de" && units[v].prep != units[u].prep) break;
        out.push_back(v);
        last = v;
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  static std::string SlotPrep(Slot s) {
    switch (s) {
      case Slot::kAvec: return "avec";
      case Slot::kA: return "a";
      case Slot::kContre: return "contre";
      case Slot::kEn: return "en";
      case Slot::kDe: return "de";
      case Slot::kPar: return "par";
      case Slot::kEntre: return "entre";
      case Slot::kSur: return "sur";
      default: return "";
    }
  }
  static bool PrepIs(const std::string& prep, Slot s) {
    switch (s) {
      case Slot::kA: return prep == "a" || prep == "au" || prep == "aux";
      case Slot::kDe: return prep == "de" || prep == "d'" || prep == "du" || prep == "des";
      case Slot::kObj: return prep.empty();
      case Slot::kSubj: return false;
      default: return prep == SlotPrep(s);
    }
  }

  // A nominal event inside a setting phrase ("en marge du sommet", "lors de la réunion"), a generic
  // complement ("le rôle des pourparlers") or a purpose clause: no event of its own.
  bool IsSettingNoun(const Pattern& p, uint32_t tok, uint32_t b, const std::vector<Unit>& units) const {
    if (p.pos != Pattern::Pos::kNoun) return false;
    if (!(p.Has("contact") || p.Has("summit") || p.Has("visit") || p.Has("discuss"))) return false;
    for (int k = 1; k <= 10 && static_cast<int>(tok) - k >= static_cast<int>(b); ++k) {
      int n = Phrase(R::kSetting, words_, tok - k);
      if (n > 0 && static_cast<int>(tok) - k + n <= static_cast<int>(tok)) {
        // only determiners, possessives and adjectives between the phrase and the noun
        bool close = true;
        for (uint32_t q = tok - k + n; q < tok; ++q) {
          // a possessive, or the organization or countries that name the gathering ("the BRICS summit",
          // "the EU-China summit") may stand there; a person may not
          if (const Unit* at = UnitAt(units, q)) {
            bool names_it = !at->actors.empty();
            for (const ActorVal& a : at->actors) names_it = names_it && !a.IsPerson();
            if (!at->possessive && !(names_it && p.Has("summit"))) close = false;
          } else if (!(PureDet(words_[q]) || seg_.tokens[q].kind == TokenKind::kWord)) {
            close = false;
          }
        }
        // a name counts as one word ("the Shanghai Cooperation Organisation summit")
        uint32_t between = 0;
        for (uint32_t q = tok - k + n; q < tok; ++q) {
          const Unit* at = UnitAt(units, q);
          if (!at || q == at->tb) ++between;
        }
        if (close && between <= 3) return true;
      }
    }
    if (en_ && tok >= b + 2 && words_[tok - 1] == "of" && !InTime(tok - 2) && !UnitAt(units, tok - 2) &&
        seg_.tokens[tok - 2].kind == TokenKind::kWord && !seg_.tokens[tok - 2].capitalized &&
        !PureDet(words_[tok - 2]) && !IsRole(R::kSetting, words_[tok - 2]))
      return true;  // "rounds of negotiations", "the role of talks"
    if (tok >= b + 2 && words_[tok - 1] == "des" && !InTime(tok - 2) && !IsVerbForm(tok - 2)) {
      for (const Analysis& a : An(tok - 2)) {
        if (a.noun) return true;
      }
    }
    if (!p.Has("visit")) {
      for (int k = 1; k <= 3 && static_cast<int>(tok) - k >= static_cast<int>(b); ++k) {
        if (IsRole(R::kPurpose, words_[tok - k]) || (k >= 2 && Phrase(R::kPurpose, words_, tok - k) == k))
          return true;
      }
    }
    return false;
  }

  // A sentence longer than this many tokens (a table, a list without
  // punctuation) is read in windows, so that work stays linear in its length.
  static constexpr uint32_t kMaxSentenceTokens = 250;

  void Sentence(size_t si) {
    const entente::Sentence& s = seg_.sentences[si];
    for (uint32_t b = s.first_token; b < s.last_token; b += kMaxSentenceTokens) {
      Window(si, b, std::min(s.last_token, b + kMaxSentenceTokens));
    }
  }

  void Window(size_t si, const uint32_t b, const uint32_t e) {
    const entente::Sentence& s = seg_.sentences[si];
    if (b >= e) return;
    an_base_ = b;
    an_.assign(e - b, nullptr);
    // time expressions matter only where some event may be: skip the tagger in sentences without a trigger word
    std::vector<Trigger> candidates;
    for (uint32_t i = b; i < e; ++i) {
      uint32_t end = i + 1;
      if (const Pattern* p = MatchPattern(i, b, e, &end)) candidates.push_back({p, i, end});
    }
    const bool any_trigger = !candidates.empty();
    std::vector<TimeExpr> times;
    if (any_trigger) times = time_.Tag(doc_.text, seg_.tokens, b, e, ref_, lang_);
    Date on = ref_ ? *ref_ : Date{2000, 1, 1};
    for (const TimeExpr& t : times) {
      if (t.resolved && !t.is_duration) {
        on = t.from;
        break;
      }
    }
    time_base_ = b;
    time_mask_.assign(e - b, false);
    for (const TimeExpr& t : times) {
      uint32_t lo = t.tok_begin, hi = t.tok_end;
      if (lo > b && (words_[lo - 1] == "[" || words_[lo - 1] == "(")) --lo;
      if (hi < e && (words_[hi] == "]" || words_[hi] == ")")) ++hi;
      for (uint32_t q = lo; q < hi; ++q) time_mask_[q - b] = true;
    }
    std::vector<Unit> units = BuildUnits(b, e, on);
    cur_units_ = &units;

    // triggers
    std::vector<Trigger> triggers;
    uint32_t next_free = b;
    for (const Trigger& c : candidates) {
      const uint32_t i = c.tok;
      if (i < next_free) continue;  // inside a longer trigger
      const Unit* at = UnitAt(units, i);
      // a participle after an auxiliary is a verb even when it is also a title ("a envoyé")
      bool verb_after_aux = i > b && IsAuxWord(i - 1) && IsVerbForm(i);
      if (at && !at->possessive && !verb_after_aux) continue;
      triggers.push_back(c);
      next_free = c.end;
    }
    if (triggers.empty()) {
      for (const Unit& u : units) NoteActors(u.actors);
      for (const Unit& u : units) {
        if (u.place && u.city && (u.prep == "a" || u.prep == "au" || u.prep == "en" || u.prep == "dans")) {
          last_location_ = u.loc;
          last_location_city_ = u.city;
        }
      }
      return;
    }

    // speech verbs and their content spans
    struct Speech {
      size_t trig;
      uint32_t content_b, content_e;
      std::vector<ActorVal> speaker;
      std::vector<ActorVal> addressee;
    };
    std::vector<Speech> speeches;

    std::vector<Mention> local;
    std::vector<bool> consumed(triggers.size(), false);
    // triggers that make no event of their own (and so take no place or date)
    std::vector<bool> dead(triggers.size(), false);
    for (size_t ti = 0; ti < triggers.size(); ++ti) {
      dead[ti] = IsSettingNoun(*triggers[ti].p, triggers[ti].tok, b, units) || triggers[ti].p->Has("occur");
    }
    // "met … at the BRICS summit", "se sont rencontrés au sommet de l'OCS": after a contact verb, a gathering
    // introduced by a locative preposition is where the contact took place
    for (size_t ti = 1; ti < triggers.size(); ++ti) {
      const Pattern& p = *triggers[ti].p;
      if (dead[ti] || p.pos != Pattern::Pos::kNoun || !p.Has("summit")) continue;
      bool contact_before = false;
      for (size_t tj = 0; tj < ti; ++tj) {
        contact_before = contact_before || (triggers[tj].p->pos == Pattern::Pos::kVerb && triggers[tj].p->Has("contact"));
      }
      if (!contact_before) continue;
      int32_t q = static_cast<int32_t>(triggers[ti].tok) - 1;
      while (q >= static_cast<int32_t>(b)) {
        const Unit* at = UnitAt(units, static_cast<uint32_t>(q));
        if (at && !at->actors.empty() && !at->actors[0].IsPerson()) {
          q = static_cast<int32_t>(at->tb) - 1;
        } else if (PureDet(words_[q])) {
          --q;
        } else {
          break;
        }
      }
      if (q >= static_cast<int32_t>(b) && IsRole(R::kLocative, words_[q])) dead[ti] = true;
    }
    if (en_) {
      // "imposed sanctions on", "launched airstrikes": the noun is the verb's object, one event
      for (size_t ti = 0; ti + 1 < triggers.size(); ++ti) {
        if (triggers[ti].p->pos != Pattern::Pos::kVerb) continue;
        for (size_t tj = ti + 1; tj < triggers.size() && triggers[tj].tok <= triggers[ti].end + 3; ++tj) {
          if (triggers[tj].p->pos == Pattern::Pos::kNoun && triggers[tj].p->type == triggers[ti].p->type)
            consumed[tj] = true;
        }
      }
    }
    std::vector<int> units_used;

    for (size_t ti = 0; ti < triggers.size(); ++ti) {
      const Trigger& tr = triggers[ti];
      const Pattern& p = *tr.p;
      if (consumed[ti]) continue;
      Mention m;
      m.pattern = &p;
      m.type = p.type;
      m.cameo = p.cameo;
      m.trigger = tr.tok;
      m.trigger_end = tr.end;
      m.sentence = si;
      m.attributes.push_back("rule=" + p.id);

      // verb group: auxiliaries, tense, voice
      uint32_t vstart = tr.tok;
      bool pluperfect = false, fut = false, passive = false, etre_aux = false;
      bool is_verb = p.pos == Pattern::Pos::kVerb;
      bool en_reduced = false;
      if (is_verb && en_) {
        EnGroup g = EnVerbGroup(tr.tok, b);
        if (g.infinitive && !p.Has("participate")) continue;  // "threatened to impose": no event of its own
        vstart = g.start;
        pluperfect = g.pluperfect;
        fut = g.future;
        passive = g.passive;
        m.negated = g.negated;
        m.adjunct = g.adjunct;
        en_reduced = g.reduced;
        if (g.adjunct && words_[tr.tok - 1] != ",") {
          // "signed a statement on Tuesday pledging to …": with no comma, the participle tells what the
          // object of an earlier verb says (a reduced relative), not a new act
          bool earlier_verb = false;
          for (size_t tj = 0; tj < ti; ++tj)
            earlier_verb = earlier_verb || (triggers[tj].p->pos == Pattern::Pos::kVerb && triggers[tj].tok < tr.tok);
          if (earlier_verb) continue;
        }
      } else if (is_verb) {
        for (const Analysis& a : An(tr.tok)) {
          if (a.verb && a.lemma_fold == p.words[0] && (a.future || a.conditional)) fut = true;
        }
        int32_t k = static_cast<int32_t>(tr.tok) - 1;
        bool seen_ete = false;
        while (k >= static_cast<int32_t>(b) && tr.tok - k <= 5) {
          std::string_view w = words_[k];
          bool imp, f, etre;
          if (w == "ete") {
            seen_ete = true;
            vstart = k;
          } else if (IsAux(k, &imp, &f, &etre)) {
            vstart = k;
            if (imp) pluperfect = true;
            if (f) fut = true;
            if (etre) etre_aux = true;
          } else if (w == "va" || w == "vont" || w == "devrait" || w == "devraient" || w == "doit" ||
                     w == "doivent" || w == "pourrait" || w == "pourraient") {
            vstart = k;
            if (w == "va" || w == "vont" || w == "devrait" || w == "devraient") fut = true;
          } else if (w == "se" || w == "s'" || IsRole(R::kSkipBetween, w)) {
            // part of the group
          } else {
            break;
          }
          --k;
        }
        static const std::set<std::string> kEtreVerbs = {"arriver", "venir", "aller", "partir", "rester",
                                                          "rendre", "parvenir", "convenir", "retourner"};
        // a reflexive pronoun before the auxiliary ("s'est entretenu") or inside the group
        bool refl = false;
        for (uint32_t q = vstart >= b + 2 ? vstart - 2 : b; q < tr.tok; ++q) refl = refl || W(q, "se") || W(q, "s'");
        passive = seen_ete || (etre_aux && !refl && !kEtreVerbs.count(p.words[0]));
        // negation
        bool ne = false, pas = false;
        for (uint32_t q = vstart > b + 1 ? vstart - 2 : b; q < tr.tok; ++q) ne = ne || IsRole(R::kNegation, words_[q]);
        for (uint32_t q = vstart; q < std::min(e, tr.tok + 2); ++q) pas = pas || IsRole(R::kNegationEnd, words_[q]);
        m.negated = ne && pas;
      }

      // purpose clause ("pour participer à"): the governed event is the trip's purpose, not an event
      bool purpose = false;
      for (int k = 1; k <= 3 && static_cast<int>(tr.tok) - k >= static_cast<int>(b); ++k) {
        if (IsRole(R::kPurpose, words_[tr.tok - k]) ||
            (k >= 2 && Phrase(R::kPurpose, words_, tr.tok - k) == k)) {
          purpose = true;
          break;
        }
      }

      // an infinitive reports no event of its own ("a menacé d'envahir", "prêt à signer"), except after an
      // auxiliary of the future ("va signer", "devrait rencontrer")
      if (is_verb && !p.Has("participate") && !p.Has("speech") && !fut && vstart == tr.tok) {
        bool inf = false, finite = false;
        for (const Analysis& a : An(tr.tok)) {
          if (!a.verb || a.lemma_fold != p.words[0]) continue;
          if (a.infinitive) inf = true;
          else finite = true;
        }
        if (inf && !finite) continue;
      }
      // participate: the type comes from the event noun it governs
      if (p.Has("participate")) {
        bool found = false;
        for (size_t tj = ti + 1; tj < triggers.size() && triggers[tj].tok <= tr.end + 5; ++tj) {
          if (triggers[tj].p->pos == Pattern::Pos::kNoun &&
              (triggers[tj].p->Has("contact") || triggers[tj].p->Has("summit"))) {
            consumed[tj] = true;
            found = true;
            m.type = triggers[tj].p->type;
            m.cameo = triggers[tj].p->cameo;
            m.trigger_end = triggers[tj].end;
            m.attributes.push_back("rule=" + triggers[tj].p->id);
            break;
          }
        }
        if (!found || purpose) continue;
      }
      // occur: gives its date, place and tense to the event noun it speaks of
      if (p.Has("occur")) {
        occur_.push_back({si, tr.tok, fut});
        continue;
      }

      bool nominal = p.pos == Pattern::Pos::kNoun;
      if (dead[ti]) continue;

      // ---- actors
      std::vector<std::pair<ActorVal, Role>> actors;
      auto add = [&](const std::vector<ActorVal>& vals, Role role) {
        for (const ActorVal& a : vals) {
          bool dup = false;
          for (auto& [x, r] : actors) dup = dup || x.Same(a);
          if (!dup) actors.emplace_back(a, role);
        }
      };
      auto role_of = [](SlotRole r) {
        return r == SlotRole::kSource ? Role::kSource : r == SlotRole::kTarget ? Role::kTarget : Role::kParticipant;
      };
      // subject
      int subj = -1;
      bool has_subj_slot = false;
      SlotRole subj_role = SlotRole::kSource;
      for (auto [slot, role] : p.slots) {
        if (slot == Slot::kSubj) {
          has_subj_slot = true;
          subj_role = role;
        }
      }
      uint32_t subj_from = vstart;
      if (nominal || p.pos == Pattern::Pos::kAdj) {
        // a light verb or copula before the noun carries the subject: "a eu un entretien", "est prête à"
        int words_seen = 0;
        for (int k = 1; words_seen < 7 && static_cast<int>(tr.tok) - k >= static_cast<int>(b); ++k) {
          uint32_t q = tr.tok - k;
          if (InTime(q)) continue;
          ++words_seen;
          if (Boundary(q) || (UnitAt(units, q) && !UnitAt(units, q)->possessive)) break;
          bool light = false;
          if (q > b && PureDet(words_[q - 1])) continue;  // "la tenue": a noun
          for (const Analysis& a : An(q)) {
            std::string l = a.lemma_fold;
            if (a.verb && (IsRole(R::kLightVerb, l) || IsRole(R::kCopula, l))) light = true;
            // a noun that needs a source takes the subject of the verb that governs it ("ont décrété des
            // sanctions contre l'Iran")
            if (a.verb && p.Has("needs_source") && !a.participle_present) light = true;
          }
          if (light && IsAuxWord(q)) {
            // an auxiliary ("a annoncé") is no light verb; "a eu", "a tenu" are
            for (uint32_t r = q + 1; r < tr.tok && r <= q + 3; ++r) {
              for (const Analysis& a : An(r)) {
                if (a.verb && a.participle_past) light = false;
              }
            }
          }
          if (light) {
            subj_from = q;
            int32_t r = static_cast<int32_t>(q) - 1;
            while (r >= static_cast<int32_t>(b) && (IsAuxWord(r) || IsRole(R::kSkipBetween, words_[r]))) {
              subj_from = r;
              --r;
            }
            has_subj_slot = true;
            break;
          }
        }
        if (subj_from == tr.tok) has_subj_slot = false;
      }
      bool inverted = false;
      if (has_subj_slot && !en_reduced) {
        subj = FindSubject(units, subj_from, b);
        if (subj < 0 && p.Has("speech")) {
          // ", a déclaré le porte-parole X": subject after the verb
          for (size_t u = 0; u < units.size(); ++u) {
            if (units[u].tb >= tr.end && units[u].actor && !units[u].possessive &&
                (units[u].prep.empty() || units[u].tb <= tr.end + 1)) {
              if (en_ && units[u].tb > tr.end + 2) break;
              bool blocked = false;
              for (uint32_t q = tr.end; q < units[u].tb; ++q) blocked = blocked || Boundary(q);
              if (!blocked && units[u].prep.empty()) {
                subj = static_cast<int>(u);
                inverted = true;
              }
              break;
            }
          }
        }
      }
      std::vector<ActorVal> subject_vals;
      if (subj >= 0) {
        for (int u : Coordinated(units, subj, true, inverted)) {
          for (const ActorVal& a : ResolveUnit(units[u])) subject_vals.push_back(a);
        }
      }
      // objects and prepositional slots
      uint32_t clause_end = e;
      for (uint32_t q = tr.end; q < e; ++q) {
        // a quotation inside the object ("a critiqué les « propositions de Kiev »") does not end the clause
        if ((Boundary(q) && words_[q] != "\"") || (q > tr.end && IsRole(R::kRelative, words_[q]))) {
          clause_end = q;
          break;
        }
      }
      std::vector<std::pair<std::vector<ActorVal>, Role>> slot_vals;
      std::optional<std::pair<Location, bool>> dest;  // VISIT destination
      std::vector<ActorVal> addressee;
      for (auto [slot, role] : p.slots) {
        if (slot == Slot::kSubj) continue;
        for (size_t u = 0; u < units.size(); ++u) {
          const Unit& un = units[u];
          if (un.tb < tr.end || un.tb >= clause_end) continue;
          if (un.tb > tr.end + (nominal ? 10 : 12)) break;
          // a military action against a place strikes the place's country ("contre Kharkiv")
          bool place_target = p.Has("military") && un.place && !un.actor && role == SlotRole::kTarget &&
                              (slot == Slot::kContre || slot == Slot::kEn || slot == Slot::kA || slot == Slot::kObj ||
                               slot == Slot::kSur);
          if (!(un.actor || place_target) || un.possessive) continue;
          if (!PrepIs(un.prep, slot)) continue;
          if (place_target && !un.actor) {
            slot_vals.push_back({{PlaceCountry(un)}, role_of(role)});
            break;
          }
          if (slot == Slot::kObj && is_verb) {
            // the direct object follows the verb closely
            bool close = true;
            for (uint32_t q = tr.end; q < un.tb; ++q) {
              if (Boundary(q) || words_[q] == ",") close = false;
            }
            if (!close) break;
          }
          if (slot == Slot::kDe && nominal && un.prep_tok >= 0 &&
              static_cast<uint32_t>(un.prep_tok) > tr.end + 4)
            break;
          // a place after à/en is a place unless the slot wants an actor there and it is no city
          if ((slot == Slot::kA || slot == Slot::kEn) && un.place && p.Has("visit")) break;
          std::vector<ActorVal> vals;
          for (int c : Coordinated(units, static_cast<int>(u), false, true)) {
            for (const ActorVal& a : ResolveUnit(units[c])) vals.push_back(a);
          }
          if (p.Has("speech") && slot == Slot::kA) addressee = vals;
          slot_vals.emplace_back(vals, role_of(role));
          break;
        }
      }
      // possessive before a noun: "leur rencontre", "son entretien"
      if (nominal) {
        for (int k = 1; k <= 3 && static_cast<int>(tr.tok) - k >= static_cast<int>(b); ++k) {
          const Unit* un = UnitAt(units, tr.tok - k);
          if (un && un->possessive) {
            subject_vals = ResolveUnit(*un);
            break;
          }
          // English genitive: "Xi's state visit", "Russia's invasion"
          if (en_ && IsRole(R::kGenitive, words_[tr.tok - k]) && tr.tok - k > b) {
            const Unit* g = UnitAt(units, tr.tok - k - 1);
            if (g && g->actor && !g->possessive) subject_vals = ResolveUnit(*g);
            break;
          }
          if (!(PureDet(words_[tr.tok - k]) || seg_.tokens[tr.tok - k].kind == TokenKind::kWord)) break;
        }
      }
      // the passive's subject is its target; "par X" its source
      if (passive) {
        add(subject_vals, Role::kTarget);
        subject_vals.clear();
      } else if (!subject_vals.empty()) {
        add(subject_vals, role_of(subj_role));
      }
      for (auto& [vals, role] : slot_vals) add(vals, role);
      if (passive && en_) {
        // "was received by X": the agent is the source
        bool has_source = false;
        for (auto& [a, r] : actors) has_source = has_source || r == Role::kSource;
        for (const Unit& un : units) {
          if (has_source || un.tb < tr.end || un.tb >= clause_end || un.tb > tr.end + 8) continue;
          if (un.prep != "par" || !un.actor || un.possessive) continue;
          std::vector<ActorVal> vals;
          for (int c : Coordinated(units, static_cast<int>(&un - units.data()), false, true)) {
            for (const ActorVal& a : ResolveUnit(units[c])) vals.push_back(a);
          }
          add(vals, Role::kSource);
          break;
        }
      }
      if (passive) {
        bool has_source = false;
        for (auto& [a, r] : actors) has_source = has_source || r == Role::kSource;
        if (!has_source && last_event_source_) {
          // an agentless passive continues the previous event: "... ont été sanctionnées"
          std::vector<std::pair<ActorVal, Role>> prev;
          prev.emplace_back(*last_event_source_, Role::kSource);
          for (auto& ar : actors) prev.push_back(ar);
          actors = prev;
          bool has_target = false;
          for (auto& [a, r] : actors) has_target = has_target || r == Role::kTarget;
          if (!has_target && last_event_target_) actors.emplace_back(*last_event_target_, Role::kTarget);
        }
      }

      // an event noun's country adjective is its source when nothing else is ("des frappes russes")
      if (nominal) {
        bool has_source = false;
        for (auto& [a, r] : actors) has_source = has_source || r == Role::kSource;
        for (const Unit& un : units) {
          if (has_source || !un.adj_of_event) continue;
          // French puts the adjective after the noun ("frappes russes"), English before ("Russian strikes")
          if (en_ ? (un.te > tr.tok || un.te + 3 < tr.tok) : (un.tb < tr.end || un.tb > tr.end + 3)) continue;
          bool known = false;
          for (auto& [a, r] : actors) known = known || a.country == un.actors[0].country;
          if (!known) actors.emplace_back(un.actors[0], Role::kSource);
          has_source = true;
        }
      }
      // "Paris a condamné ces attaques", "Pékin a dénoncé des sanctions": a reaction whose object is an
      // earlier event is aimed at that event's source
      if (is_verb && (m.type == "CRITICIZE" || m.type == "PRAISE" || m.type == "ACCUSE") && last_act_source_) {
        bool has_target = false;
        for (auto& [a, r] : actors) has_target = has_target || r == Role::kTarget;
        bool event_object = false;
        for (uint32_t q = tr.end; q < clause_end && q <= tr.end + 5 && !event_object; ++q) {
          event_object = IsRole(R::kEventNoun, words_[q]);
        }
        bool self = false;
        for (auto& [a, r] : actors) self = self || (r == Role::kSource && a.country == last_act_source_->country);
        if (!has_target && event_object && !self) actors.emplace_back(*last_act_source_, Role::kTarget);
      }

      // places: à/en/dans after the trigger in the clause, or "de Moscou" after an event noun
      std::vector<std::pair<Location, bool>> places;
      for (const Unit& un : units) {
        if (!un.place) continue;
        bool loc_prep = un.prep == "a" || un.prep == "au" || un.prep == "aux" || un.prep == "en" ||
                        un.prep == "dans";
        bool genitive = nominal && (un.prep == "de" || un.prep == "d'") && un.prep_tok >= 0 &&
                        static_cast<uint32_t>(un.prep_tok) >= tr.end;
        if (genitive) {
          // right after the noun, or in a list of places after it ("de Moscou et d'Achgabat")
          for (uint32_t q = tr.end; q < static_cast<uint32_t>(un.prep_tok) && genitive; ++q) {
            std::string_view w = words_[q];
            const Unit* at = UnitAt(units, q);
            genitive = (at && at->place) || w == "de" || w == "d'" || w == "et" || w == ",";
          }
        }
        bool hosted = false;
        if (un.prep == "par" && un.prep_tok > static_cast<int32_t>(b)) {
          for (const Analysis& a : An(un.prep_tok - 1)) {
            if (IsRole(R::kHostVerb, a.lemma_fold)) hosted = true;
          }
          hosted = hosted || IsRole(R::kHostVerb, words_[un.prep_tok - 1]);
        }
        if (!(loc_prep || genitive || hosted)) continue;
        // "la situation à Gaza", "la guerre en Ukraine": the place of a topic, not of the event
        if (loc_prep && un.prep_tok > static_cast<int32_t>(b) && IsRole(R::kTopicNoun, words_[un.prep_tok - 1])) continue;
        // what is discussed is not where: "ont évoqué la situation en Syrie"
        if (p.Has("discuss") && !(un.prep == "a" || un.prep == "au" || un.prep == "aux" || un.city)) continue;
        if (p.Has("discuss") && un.prep_tok > static_cast<int32_t>(tr.end) + 1 && is_verb) continue;
        if (un.city) {
          places.emplace_back(un.loc, true);
        } else {
          places.emplace_back(un.loc, false);
        }
      }
      // nearest trigger owns the place
      std::vector<std::pair<Location, bool>> mine;
      for (auto& pl : places) {
        uint32_t pos = 0;
        for (const Unit& un : units) {
          if (un.loc.begin == pl.first.begin && un.place) pos = un.tb;
        }
        size_t best = ti;
        uint32_t bestd = UINT32_MAX;
        for (size_t tj = 0; tj < triggers.size(); ++tj) {
          if ((consumed[tj] || dead[tj]) && tj != ti) continue;
          if (triggers[tj].p->Has("speech") && !p.Has("speech")) continue;
          // a participial clause ("…, pledging to") owns nothing said before it
          if (en_ && pos < triggers[tj].tok && tj != 0 && triggers[tj].p->pos == Pattern::Pos::kVerb &&
              EnVerbGroup(triggers[tj].tok, b).adjunct)
            continue;
          uint32_t d = pos >= triggers[tj].tok ? pos - triggers[tj].tok : triggers[tj].tok - pos;
          if (d < bestd) {
            bestd = d;
            best = tj;
          }
        }
        if (best == ti) mine.push_back(pl);
      }
      // coordinated places after a plural event noun: one event per place ("les rencontres de Moscou et d'Achgabat")
      std::vector<std::pair<Location, bool>> split_places;
      if (nominal && mine.size() >= 2 && seg_.tokens[tr.tok].fold.back() == 's') {
        bool all_cities = true;
        for (auto& pl : mine) all_cities = all_cities && pl.second;
        if (all_cities) split_places = mine;
      }
      for (auto& pl : mine) {
        if (!m.location || (pl.second && !m.city)) {
          m.location = pl.first;
          m.city = pl.second;
        }
      }
      if (p.Has("visit")) {
        // destination: the place after à/en (a country or a city)
        for (const Unit& un : units) {
          if (un.tb >= tr.end && un.tb < clause_end && un.place &&
              (un.prep == "a" || un.prep == "au" || un.prep == "aux" || un.prep == "en" ||
               (en_ && is_verb && un.prep.empty() && un.tb <= tr.end + 1))) {
            if (!dest || (un.city && !dest->second)) dest = std::make_pair(un.loc, un.city);
          }
        }
        if (dest) {
          ActorVal host;
          host.country = dest->first.country;
          host.begin = dest->first.begin;
          host.end = dest->first.end;
          bool have = false;
          for (auto& [a, r] : actors) have = have || (r == Role::kTarget);
          if (!have) actors.emplace_back(host, Role::kTarget);
          if (!m.location || (dest->second && !m.city)) {
            m.location = dest->first;
            m.city = dest->second;
          }
        }
      }
      if (p.Has("military")) {
        bool has_target = false;
        for (auto& [a, r] : actors) has_target = has_target || r == Role::kTarget;
        if (!has_target) {
          for (const Unit& un : units) {
            if (un.tb >= tr.end && un.tb < clause_end && un.place && !un.actor &&
                (un.prep == "dans" || un.prep == "de" || un.prep == "a" || un.prep == "en" || un.prep == "contre")) {
              ActorVal a = PlaceCountry(un);
              bool same = false;
              for (auto& [x, r] : actors) same = same || x.country == a.country;
              if (!same) actors.emplace_back(a, Role::kTarget);
              break;
            }
          }
        }
      }
      // English "X, Y and Z met": coordinated subjects of a contact with no one else are its participants
      if (en_ && (p.Has("contact") || p.Has("discuss")) && actors.size() >= 2) {
        bool has_target = false;
        for (auto& [a, r] : actors) has_target = has_target || r != Role::kSource;
        if (!has_target) {
          for (auto& [a, r] : actors) r = Role::kParticipant;
        }
      }
      // nominal contact with no named participant: the pair the text is about
      if (actors.empty() && nominal && (p.Has("contact") || p.Has("discuss") || p.Has("summit")) &&
          DefiniteBefore(tr.tok, b)) {
        for (const ActorVal& a : pair_) actors.emplace_back(a, Role::kParticipant);
      }
      if (p.Has("discuss") && actors.size() == 1 && pair_.size() >= 2) {
        for (const ActorVal& a : pair_) {
          bool dup = false;
          for (auto& [x, r] : actors) dup = dup || x.Same(a);
          if (!dup) actors.emplace_back(a, Role::kTarget);
        }
      }
      // counterpart titles: the holder of the other party's office in the named country

      // ---- tense and flags
      bool fut_cue = false;
      for (int k = -3; k <= 3; ++k) {
        int q = static_cast<int>(tr.tok) + k;
        if (q < static_cast<int>(b) || q >= static_cast<int>(e) || k == 0) continue;
        if (IsRole(R::kFutureCue, words_[q]) && (nominal || k < 0)) fut_cue = true;
      }
      m.future = fut || (nominal && fut_cue);
      bool after = false;
      for (int k = 1; k <= 3 && static_cast<int>(tr.tok) - k >= static_cast<int>(b); ++k) {
        if (IsRole(R::kAfter, words_[tr.tok - k])) after = true;
      }
      bool cue = false;
      for (int k = -6; k <= 8; ++k) {
        int q = static_cast<int>(tr.tok) + k;
        if (q < static_cast<int>(b) || q >= static_cast<int>(e)) continue;
        int n = Phrase(R::kBgCue, words_, q);
        if (n > 0 && words_[q] != "deja") cue = true;
      }
      m.bg_cue = (pluperfect && !InSpeech(speeches, tr.tok)) || (nominal && after) || cue;

      // ---- evidence
      m.evidence.sentence = std::string(doc_.text.substr(s.begin, s.end - s.begin));
      m.evidence.start = s.begin;
      m.evidence.end = s.end;
      uint32_t eb = seg_.tokens[std::min(vstart, tr.tok)].begin;
      uint32_t ee = seg_.tokens[m.trigger_end - 1].end;
      m.evidence.trigger = std::string(doc_.text.substr(eb, ee - eb));
      m.evidence.trigger_begin = eb;
      m.evidence.trigger_end = ee;
      m.actors = std::move(actors);
      {
        // the pair the text is about comes from contacts and cooperation between two parties
        std::string fam = rules_.Type(m.type) ? rules_.Type(m.type)->family : "";
        if (fam == "CONTACT" || fam == "CALL" || fam == "INTENT_COOPERATE" || fam == "AGREE" || fam == "SIGN") {
          std::vector<ActorVal> vals;
          for (auto& [a, r] : m.actors) vals.push_back(a);
          NotePair(vals);
        }
      }
      if (p.Has("speech")) {
        if (passive) continue;
        Speech sp;
        sp.trig = local.size();
        for (auto& [a, r] : m.actors) {
          if (r == Role::kSource) sp.speaker.push_back(a);
        }
        sp.addressee = addressee;
        // content: "que ..." / ": «...»" after the verb, or the quotation before an incise
        sp.content_b = tr.end;
        sp.content_e = e;
        if (inverted) {
          sp.content_b = b;
          sp.content_e = vstart;
        } else if (en_ && subj >= 0 && units[subj].tb > b) {
          // '"...," the minister said': the quotation before the speaker
          uint32_t q = units[subj].tb - 1;
          while (q > b && PureDet(words_[q])) --q;
          if (words_[q] == "," || words_[q] == "\"") {
            sp.content_b = b;
            sp.content_e = units[subj].tb;
          }
        }
        if (sp.speaker.empty()) sp.trig = SIZE_MAX;  // no statement without a speaker; the content still counts
        speeches.push_back(sp);
        if (sp.speaker.empty()) continue;
        m.speaker_person = sp.speaker[0].person;
      }
      if (!split_places.empty()) {
        for (auto& pl : split_places) {
          Mention copy = m;
          copy.location = pl.first;
          copy.city = true;
          local.push_back(copy);
        }
      } else {
        local.push_back(std::move(m));
      }
    }

    // a noun in apposition restates the act its sentence already told with a verb ("X visited Minsk on
    // Monday, his first trip to Belarus in years"): same type, same sources, after a comma
    for (size_t k = 1; k < local.size(); ++k) {
      Mention& n = local[k];
      if (n.pattern->pos != Pattern::Pos::kNoun || n.weak) continue;
      bool comma = false;
      for (size_t j = 0; j < k && !comma; ++j) {
        const Mention& v = local[j];
        if (v.pattern->pos != Pattern::Pos::kVerb || v.type != n.type || v.trigger >= n.trigger) continue;
        bool same_sources = true, any = false;
        for (auto& [a, r] : n.actors) {
          if (r != Role::kSource) continue;
          any = true;
          bool found = false;
          for (auto& [x, rx] : v.actors) found = found || (rx == Role::kSource && x.Same(a));
          same_sources = same_sources && found;
        }
        if (!any || !same_sources) continue;
        for (uint32_t q = v.trigger_end; q < n.trigger; ++q) comma = comma || words_[q] == ",";
      }
      n.dropped = comma;
    }

    // reported speech: a country in the content stands for the speaker or the person addressed
    for (Mention& m : local) {
      if (m.pattern->Has("speech")) continue;
      for (const Speech& sp : speeches) {
        if (m.trigger < sp.content_b || m.trigger >= sp.content_e || sp.speaker.empty()) continue;
        m.in_speech = true;
        const ActorVal& speaker = sp.speaker[0];
        // a head of state or government speaks for the state; contacts keep the parties they name
        const std::string fam = rules_.Type(m.type) ? rules_.Type(m.type)->family : "";
        if (fam == "CONTACT" || fam == "CALL") continue;
        if (speaker.office_kind != "head_of_state" && speaker.office_kind != "head_of_government") continue;
        for (auto& [a, r] : m.actors) {
          if (a.IsPerson() || !a.org.empty() || a.country.empty()) continue;
          if (speaker.IsPerson() && a.country == speaker.country) {
            a = speaker;
            continue;
          }
          for (const ActorVal& ad : sp.addressee) {
            if (ad.IsPerson() && ad.country == a.country) a = ad;
          }
          if (a.IsPerson()) continue;
          for (const ActorVal& pp : pair_) {
            if (pp.IsPerson() && pp.country == a.country && speaker.IsPerson()) a = pp;
          }
        }
      }
    }

    // dates: each expression goes to the nearest trigger of the sentence
    std::vector<const TimeExpr*> date_of(local.size(), nullptr);
    for (const TimeExpr& t : times) {
      if (t.is_duration || t.is_time_of_day || !t.resolved) continue;
      size_t best = SIZE_MAX;
      uint32_t bestd = UINT32_MAX;
      for (size_t k = 0; k < local.size(); ++k) {
        // a time expression modifies what comes before it more often than what follows; commas and quotes
        // separate clauses
        uint32_t tp = local[k].trigger;
        if (local[k].dropped) continue;
        if (local[k].adjunct && t.tok_begin < tp && k > 0) continue;  // the main verb's, not the participle's
        uint32_t d = t.tok_begin >= tp ? t.tok_begin - tp : tp - t.tok_end + 1 + 4;
        if (t.tok_begin >= local[k].trigger_end) d = t.tok_begin - local[k].trigger_end + 1;
        uint32_t lo = std::min(t.tok_begin, tp), hi = std::max(t.tok_begin, tp);
        for (uint32_t q = lo; q < hi; ++q) {
          if (InTime(q)) continue;
          if (words_[q] == "\"" || words_[q] == ";") d += 50;
          if (words_[q] == ",") d += 6;
        }
        if (d < bestd) {
          bestd = d;
          best = k;
        }
      }
      if (best != SIZE_MAX && !date_of[best]) date_of[best] = &t;
    }
    for (size_t k = 0; k < local.size(); ++k) {
      Mention& m = local[k];
      if (const TimeExpr* t = date_of[k]) {
        m.date = DateOf(*t, m.future);
        m.own_date = true;
      } else if (auto rel = OffsetBefore(m, b)) {
        m.date = *rel;
        m.own_date = true;
      }
    }
    // a participial clause shares its main verb's time ("signed … on Tuesday, pledging to …")
    for (size_t k = 1; k < local.size(); ++k) {
      if (!local[k].adjunct || local[k].own_date) continue;
      for (size_t j = k; j-- > 0;) {
        if (local[j].trigger < local[k].trigger && local[j].own_date && !local[j].adjunct) {
          local[k].date = local[j].date;
          local[k].own_date = true;
          break;
        }
      }
    }
    // a content event takes the dated speech's date ("a fait savoir lundi qu'une réunion aura lieu")
    for (const Speech& sp : speeches) {
      if (sp.trig == SIZE_MAX) continue;
      const Mention& sm = local[sp.trig];
      if (!sm.own_date) continue;
      for (Mention& m : local) {
        if (&m == &sm || m.own_date || m.future || m.trigger < sp.content_b || m.trigger >= sp.content_e) continue;
        if (m.pattern->Has("contact") || m.pattern->Has("discuss")) {
          m.date = sm.date;
          m.own_date = true;
        }
      }
    }
    // occur verbs ("qui aura lieu à Genève du 3 au 5 mars"): date, place and tense to the event noun
    for (const auto& oc : occur_) {
      if (oc.sentence != si) continue;
      Mention* target = nullptr;
      for (Mention& m : local) {
        if (m.pattern->pos == Pattern::Pos::kNoun && m.trigger < oc.tok) target = &m;
      }
      if (!target) {
        for (Mention& m : local) {
          if (m.pattern->pos == Pattern::Pos::kNoun && m.trigger > oc.tok && m.trigger <= oc.tok + 4) {
            target = &m;
            break;
          }
        }
      }
      if (!target) continue;
      if (oc.future) target->future = true;
      // the expression nearest after the occur verb
      for (const TimeExpr& t : times) {
        if (t.is_duration || !t.resolved || t.tok_begin < oc.tok) continue;
        target->date = DateOf(t, target->future);
        target->own_date = true;
        break;
      }
      for (const Unit& un : units) {
        if (un.place && un.tb > oc.tok && un.tb <= oc.tok + 4 &&
            (un.prep == "a" || un.prep == "au" || un.prep == "en" || un.prep == "dans")) {
          target->location = un.loc;
          target->city = un.city;
          break;
        }
      }
    }
    occur_.clear();

    bool framed = false;
    bool gathering = false;
    for (size_t ti = 0; ti < triggers.size(); ++ti) {
      if (dead[ti] && !triggers[ti].p->Has("occur")) framed = true;
      if (dead[ti] && triggers[ti].p->Has("summit")) gathering = true;
    }
    // "on the sidelines of the BRICS summit": a setting phrase before a gathering's noun frames the sentence
    // even where the noun is no trigger of its own
    for (uint32_t q = b; q < e && !framed; ++q) {
      int n = Phrase(R::kSetting, words_, q);
      if (n == 0) continue;
      uint32_t words = 0;
      for (uint32_t r = q + n; r < e && words < 4 && !framed; ++r) {
        for (const Pattern* pat : rules_.PatternsFor(words_[r])) {
          gathering = gathering || (pat->pos == Pattern::Pos::kNoun && pat->Has("summit"));
          framed = framed || gathering;
        }
        const Unit* at = UnitAt(units, r);
        if (!at || r == at->tb) ++words;
      }
    }
    for (Mention& m : local) {
      if (m.dropped) continue;
      m.framed = framed;
      m.after_gathering = gathering_framed_;
      // publication date when the text gives none
      if (!m.date && ref_) {
        EventDate d;
        d.from = d.to = *ref_;
        d.precision = "publication";
        m.date = d;
      }
      if (m.date && ref_ && m.own_date && !m.future && m.date->to < ref_->AddDays(-7)) m.background = true;
      if (m.bg_cue && !m.future) m.background = true;
      if (m.date && ref_ && m.own_date && m.date->from > *ref_) m.future = true;
      if (m.future) m.background = false;
      m.weak = !m.own_date && !m.bg_cue;
      if (m.location) {
        last_location_ = m.location;
        last_location_city_ = m.city;
      }
      if (!m.pattern->Has("speech")) {
        last_event_source_.reset();
        last_event_target_.reset();
        for (auto& [a, r] : m.actors) {
          if (r == Role::kSource && !last_event_source_) last_event_source_ = a;
          if (r == Role::kTarget && !last_event_target_) last_event_target_ = a;
        }
        // the last act (not a reaction or a statement) that a later reaction can be aimed at
        if (m.type != "CRITICIZE" && m.type != "PRAISE" && m.type != "ACCUSE") {
          for (auto& [a, r] : m.actors) {
            if (r == Role::kSource) {
              last_act_source_ = a;
              break;
            }
          }
        }
      }
      mentions_.push_back(std::move(m));
    }
    gathering_framed_ = gathering_framed_ || gathering;
    for (const Unit& u : units) NoteActors(u.actors);
    cur_units_ = nullptr;
  }

  template <typename S>
  static bool InSpeech(const std::vector<S>& speeches, uint32_t tok) {
    for (const auto& sp : speeches) {
      if (tok >= sp.content_b && tok < sp.content_e) return true;
    }
    return false;
  }

  // "un an après la visite": the noun's date is the sentence's reference minus the offset.
  std::optional<EventDate> OffsetBefore(const Mention& m, uint32_t b) const {
    if (m.trigger < b + 3 || !ref_) return std::nullopt;
    // [number] [unit] après [det] NOUN
    int k = static_cast<int>(m.trigger) - 1;
    while (k > static_cast<int>(b) && PureDet(words_[k])) --k;
    if (!IsRole(R::kAfter, words_[k])) return std::nullopt;
    if (k - 2 < static_cast<int>(b)) return std::nullopt;
    std::string_view unit = words_[k - 1];
    std::string_view num = words_[k - 2];
    int n = 0;
    static const std::pair<const char*, int> kNum[] = {{"un", 1},   {"une", 1},  {"deux", 2}, {"trois", 3},
                                                       {"quatre", 4}, {"cinq", 5}, {"six", 6},  {"dix", 10}};
    for (const auto& [w, v] : kNum) {
      if (num == w) n = v;
    }
    if (n == 0 && !num.empty() && std::all_of(num.begin(), num.end(), [](char c) { return c >= '0' && c <= '9'; }))
      n = std::atoi(std::string(num).c_str());
    if (n <= 0 || n > 100) return std::nullopt;
    EventDate d;
    Date r = *ref_;
    if (unit == "an" || unit == "ans" || unit == "annee" || unit == "annees") {
      Date x = r.AddMonths(-12 * n);
      d.from = Date::FirstOfMonth(x.year, x.month);
      d.to = Date::LastOfMonth(x.year, x.month);
      d.precision = "month";
    } else if (unit == "mois") {
      Date x = r.AddMonths(-n);
      d.from = Date::FirstOfMonth(x.year, x.month);
      d.to = Date::LastOfMonth(x.year, x.month);
      d.precision = "month";
    } else if (unit == "semaine" || unit == "semaines") {
      Date x = r.AddDays(-7 * n);
      d.from = x.AddDays(-x.Weekday());
      d.to = d.from.AddDays(6);
      d.precision = "week";
    } else if (unit == "jour" || unit == "jours") {
      d.from = d.to = r.AddDays(-n);
      d.precision = "day";
    } else {
      return std::nullopt;
    }
    uint32_t tb = static_cast<uint32_t>(k - 2);
    d.begin = seg_.tokens[tb].begin;
    d.end = seg_.tokens[k].end;
    d.text = std::string(doc_.text.substr(d.begin, d.end - d.begin));
    return d;
  }

  // ---------------------------------------------------------------- document
  struct Occur {
    size_t sentence;
    uint32_t tok;
    bool future;
  };

  std::string Family(const std::string& type) const {
    const EventTypeInfo* t = rules_.Type(type);
    return t ? t->family : type;
  }

  static bool ActorsCompatible(const std::vector<std::pair<ActorVal, Role>>& a,
                               const std::vector<std::pair<ActorVal, Role>>& b, bool need_equal_countries) {
    std::set<std::string> ca, cb;
    for (auto& [x, r] : a) ca.insert(x.org.empty() ? x.country : "org:" + x.org);
    for (auto& [x, r] : b) cb.insert(x.org.empty() ? x.country : "org:" + x.org);
    if (need_equal_countries) {
      if (ca != cb) return false;
    } else {
      bool sub = std::includes(ca.begin(), ca.end(), cb.begin(), cb.end()) ||
                 std::includes(cb.begin(), cb.end(), ca.begin(), ca.end());
      if (!sub) return false;
    }
    // persons of one country must agree
    for (auto& [x, r] : a) {
      if (!x.IsPerson()) continue;
      for (auto& [y, s] : b) {
        if (y.IsPerson() && y.country == x.country && !x.Same(y)) {
          // same country, different persons: both must appear on the other side
          bool x_in_b = false;
          for (auto& [z, t] : b) x_in_b = x_in_b || z.Same(x);
          if (!x_in_b) return false;
        }
      }
    }
    return true;
  }

  struct Joined {
    Mention best;  // fields of the event
    std::vector<Mention> all;
    bool bg_decided = false;
  };

  bool Compatible(const Joined& ev, const Mention& m) const {
    const Mention& e = ev.best;
    if (Family(e.type) != Family(m.type)) return false;
    if ((e.type == "VISIT") != (m.type == "VISIT")) return false;  // visits join meetings later (FoldVisits)
    if (e.future != m.future) return false;
    if (e.negated != m.negated) return false;
    // a meeting told as held inside a gathering ("on the sidelines of the summit") is not the gathering, and
    // once a gathering was named so, "the summit" means it, not a meeting
    if ((e.type == "SUMMIT") != (m.type == "SUMMIT") &&
        (e.framed || m.framed || (m.weak && m.type == "SUMMIT" && m.after_gathering)))
      return false;
    bool statement = m.type == "STATEMENT";
    if (!ActorsCompatible(e.actors, m.actors, statement)) return false;
    if (e.location && m.location) {
      if (e.location->country != m.location->country) return false;
      if (e.city && m.city && e.location->name != m.location->name) return false;
    }
    if (e.own_date && m.own_date && e.date && m.date && !Overlap(*e.date, *m.date)) return false;
    return true;
  }

  void Join(Joined* ev, const Mention& m) const {
    Mention& e = ev->best;
    // actors: the more specific wins (a person over a country alone)
    for (auto& [a, r] : m.actors) {
      bool placed = false;
      for (auto& [x, s] : e.actors) {
        if (x.Same(a)) {
          placed = true;
          break;
        }
        if (!x.IsPerson() && x.org.empty() && a.IsPerson() && x.country == a.country) {
          x = a;
          placed = true;
          break;
        }
        if (x.IsPerson() && !a.IsPerson() && a.org.empty() && a.country == x.country) {
          placed = true;
          break;
        }
      }
      if (!placed) e.actors.emplace_back(a, r);
    }
    if (m.own_date && m.date && (!e.own_date || Span(*m.date) < Span(*e.date))) {
      e.date = m.date;
      e.own_date = true;
    }
    if (m.location && (!e.location || (m.city && !e.city))) {
      e.location = m.location;
      e.city = m.city;
    }
    if (e.type == "MEET" && m.type == "SUMMIT") e.type = "SUMMIT";
    if (m.cameo != "040" && e.cameo == "040" && Family(m.type) == Family(e.type)) e.cameo = m.cameo;
    for (const std::string& a : m.attributes) {
      if (std::find(e.attributes.begin(), e.attributes.end(), a) == e.attributes.end()) e.attributes.push_back(a);
    }
    ev->all.push_back(m);
  }

  std::vector<Event> Finish() {
    // discuss reports take the mode of the document's contact with the same actors
    std::vector<Joined> events;
    for (Mention& m : mentions_) {
      if (m.pattern->Has("discuss")) {
        bool phone = false;
        // English puts the mode after the object: "spoke with Russian President Vladimir Putin by telephone"
        for (int k = -4; k <= (en_ ? 9 : 4); ++k) {
          int q = static_cast<int>(m.trigger) + k;
          if (q >= 0 && q < static_cast<int>(words_.size()) && IsRole(R::kPhoneCue, words_[q])) phone = true;
        }
        std::string mode;
        if (phone || m.type == "PHONE_CALL") {
          mode = "PHONE_CALL";
        } else {
          for (auto it = events.rbegin(); it != events.rend(); ++it) {
            const std::string f = Family(it->best.type);
            if ((f == "CONTACT" || f == "CALL") && ActorsCompatible(it->best.actors, m.actors, false)) {
              mode = it->best.type == "PHONE_CALL" ? "PHONE_CALL" : "MEET";
              break;
            }
          }
        }
        if (mode.empty()) {
          // a verb of discussion between named parties is a consultation of unknown mode; a noun alone is not
          if (m.pattern->pos != Pattern::Pos::kVerb) continue;
          mode = "MEET";
          m.attributes.push_back("mode=unknown");
        }
        m.type = mode;
      } else if (m.pattern->Has("contact")) {
        bool phone = false;
        for (int k = -4; k <= 5; ++k) {
          int q = static_cast<int>(m.trigger) + k;
          if (q >= 0 && q < static_cast<int>(words_.size()) && IsRole(R::kPhoneCue, words_[q]) &&
              words_[q] != "appel")
            phone = true;
        }
        if (phone) m.type = "PHONE_CALL";
      }
      if (!Acceptable(m)) continue;
      // join with an earlier report of the same event
      int target = -1;
      if (m.weak) {
        // an anaphoric report: the main event if it is not recalled, else the latest compatible one
        for (size_t k = 0; k < events.size(); ++k) {
          if (!Compatible(events[k], m)) continue;
          if (!events[k].best.background) {
            target = static_cast<int>(k);
            break;
          }
        }
        if (target < 0) {
          for (int k = static_cast<int>(events.size()) - 1; k >= 0; --k) {
            if (Compatible(events[k], m)) {
              target = k;
              break;
            }
          }
        }
      } else {
        for (size_t k = 0; k < events.size(); ++k) {
          if (!Compatible(events[k], m)) continue;
          // an undated report and a dated one: join when flags agree
          if (!(m.own_date && events[k].best.own_date) && events[k].best.background != m.background) continue;
          target = static_cast<int>(k);
          break;
        }
      }
      if (target >= 0) {
        Joined& ev = events[target];
        bool was_weak = ev.best.weak;
        Join(&ev, m);
        if (!m.weak) {
          if (was_weak) {
            ev.best.background = m.background;
            ev.best.weak = false;
          } else {
            ev.best.background = ev.best.background && m.background;
          }
        }
        if (ev.best.own_date && ref_ && ev.best.date->to < ref_->AddDays(-7) && !ev.best.future)
          ev.best.background = true;
      } else {
        Joined ev;
        ev.best = m;
        ev.all.push_back(m);
        events.push_back(std::move(ev));
      }
    }
    InheritFrames(&events);
    FoldVisits(&events);
    DropParticipantStatements(&events);
    std::vector<Event> out;
    for (Joined& j : events) {
      if (!FinalCheck(j.best)) continue;
      out.push_back(ToEvent(j));
    }
    return out;
  }

  bool Acceptable(const Mention& m) const {
    std::set<std::string> parties;
    bool has_source = false, has_target = false;
    for (auto& [a, r] : m.actors) {
      if (a.country.empty() && a.org.empty()) continue;
      parties.insert(a.person >= 0 ? "p" + std::to_string(a.person) : a.name + "/" + a.country + "/" + a.org);
      if (r == Role::kSource) has_source = true;
      if (r == Role::kTarget) has_target = true;
    }
    if (parties.empty()) return false;
    const Pattern& p = *m.pattern;
    if (p.Has("needs_target") && !has_target) return false;
    if (p.Has("needs_source") && !has_source) return false;
    if (p.Has("needs_person_target")) {
      bool person_target = false;
      for (auto& [a, r] : m.actors) person_target = person_target || (r == Role::kTarget && a.IsPerson());
      if (!person_target) return false;
    }
    std::string fam = Family(m.type);
    // a contact has two parties; a summit may be named by its host or organization alone
    if ((fam == "CONTACT" || fam == "CALL") && m.type != "VISIT" && m.type != "SUMMIT" && parties.size() < 2)
      return false;
    if (m.type == "SIGN" && parties.size() < 2) return false;  // an agreement has two sides
    if (m.type == "VISIT") {
      // a trip home is no visit
      std::string src, dst;
      for (auto& [a, r] : m.actors) {
        if (r == Role::kSource && src.empty()) src = a.country;
        if (r == Role::kTarget && dst.empty()) dst = a.country;
      }
      if (dst.empty() || src.empty() || src == dst) return false;
    }
    return true;
  }

  bool FinalCheck(const Mention& m) const { return Acceptable(m); }

  // What happens at a meeting takes the meeting's date and place: an undated report whose sentence is set in
  // an earlier event ("en marge de la visite", "à l'issue de leurs discussions"), or whose parties are the
  // meeting's parties ("les deux présidents sont convenus de ...").
  void InheritFrames(std::vector<Joined>* events) const {
    const Mention* frame = nullptr;
    for (Joined& j : *events) {
      Mention& m = j.best;
      std::string fam = Family(m.type);
      bool contact = (fam == "CONTACT" || fam == "CALL") && m.type != "VISIT";
      if (!m.own_date && !m.future && !m.background && frame && m.type != "STATEMENT") {
        bool inside = m.framed;
        if (!inside) {
          std::set<std::string> fc, mc;
          for (auto& [a, r] : frame->actors) fc.insert(a.country);
          for (auto& [a, r] : m.actors) mc.insert(a.country);
          inside = !mc.empty() && std::includes(fc.begin(), fc.end(), mc.begin(), mc.end()) && !contact;
        }
        if (inside) {
          m.date = frame->date;
          m.own_date = true;
          if (!m.location && frame->location) {
            m.location = frame->location;
            m.city = frame->city;
          }
          m.attributes.push_back("frame=" + frame->evidence.trigger);
        }
      }
      if (contact && m.own_date && !m.background && !m.future) frame = &m;
    }
  }

  // One in-person contact is one MEET: a visit whose traveller met someone of the host country is that meeting.
  void FoldVisits(std::vector<Joined>* events) const {
    for (size_t v = 0; v < events->size(); ++v) {
      Mention& vis = (*events)[v].best;
      if (vis.type != "VISIT") continue;
      std::string traveller_country, host;
      const ActorVal* traveller = nullptr;
      for (auto& [a, r] : vis.actors) {
        if (r == Role::kSource && !traveller) traveller = &a;
        if (r == Role::kTarget && host.empty()) host = a.country;
      }
      if (!traveller) continue;
      for (size_t k = 0; k < events->size(); ++k) {
        Mention& meet = (*events)[k].best;
        if (k == v || (meet.type != "MEET" && meet.type != "SUMMIT")) continue;
        bool has_traveller = false, has_host = false;
        for (auto& [a, r] : meet.actors) {
          has_traveller = has_traveller || a.Same(*traveller) || (!traveller->IsPerson() && a.country == traveller->country);
          has_host = has_host || a.country == host;
        }
        if (!has_traveller || !has_host) continue;
        bool same_sentence = vis.sentence == meet.sentence;
        bool dates_ok = !(vis.own_date && meet.own_date) || Overlap(*vis.date, *meet.date);
        if (!same_sentence && (!dates_ok || vis.background != meet.background)) continue;
        if (!meet.location && vis.location) {
          meet.location = vis.location;
          meet.city = vis.city;
        } else if (vis.location && vis.city && !meet.city && vis.location->country == meet.location->country) {
          meet.location = vis.location;
          meet.city = true;
        }
        if (!meet.own_date && vis.own_date) {
          meet.date = vis.date;
          meet.own_date = true;
        }
        meet.attributes.push_back("travelled=" + traveller->country);
        meet.attributes.push_back("host=" + host);
        for (const Mention& x : (*events)[v].all) (*events)[k].all.push_back(x);
        events->erase(events->begin() + v);
        --v;
        break;
      }
    }
  }

  // A participant's own words about a contact belong to that contact, not to a separate statement.
  void DropParticipantStatements(std::vector<Joined>* events) const {
    std::vector<ActorVal> participants;
    for (const Joined& j : *events) {
      std::string f = Family(j.best.type);
      if (f != "CONTACT" && f != "CALL") continue;
      for (auto& [a, r] : j.best.actors) participants.push_back(a);
    }
    events->erase(std::remove_if(events->begin(), events->end(),
                                 [&](const Joined& j) {
                                   if (j.best.type != "STATEMENT") return false;
                                   for (auto& [a, r] : j.best.actors) {
                                     if (r != Role::kSource) continue;
                                     for (const ActorVal& p : participants) {
                                       if (a.IsPerson() && p.Same(a)) return true;
                                       if (!a.IsPerson() && a.org.empty() && a.country == p.country) return true;
                                     }
                                   }
                                   return false;
                                 }),
                  events->end());
  }

  // Topics of a sentence, found once.
  const std::vector<const std::string*>& SentenceTopics(size_t si) const {
    auto it = sentence_topics_.find(si);
    if (it != sentence_topics_.end()) return it->second;
    std::vector<const std::string*>& out = sentence_topics_[si];
    const entente::Sentence& s = seg_.sentences[si];
    for (uint32_t t = s.first_token; t < s.last_token; ++t) {
      for (const auto& [topic, n] : rules_.TopicsAt(words_, t)) out.push_back(topic);
    }
    return out;
  }

  Event ToEvent(const Joined& j) const {
    const Mention& m = j.best;
    Event ev;
    ev.doc = doc_.id;
    ev.type = m.type;
    ev.cameo = m.cameo;
    const EventTypeInfo* ti = rules_.Type(m.type);
    if (ti && (m.type == "PHONE_CALL" || m.type == "SUMMIT") && m.cameo.substr(0, 2) != "04") ev.cameo = ti->cameo;
    // where the meeting happened tells who visited whom
    if (m.type == "MEET" && ev.cameo == "040" && m.location) {
      std::string src, tgt;
      for (auto& [a, r] : m.actors) {
        if (r == Role::kSource && src.empty()) src = a.country;
        if (r == Role::kTarget && tgt.empty()) tgt = a.country;
      }
      if (!src.empty() && !tgt.empty() && src != tgt) {
        if (m.location->country == tgt) ev.cameo = "042";
        else if (m.location->country == src) ev.cameo = "043";
        else ev.cameo = "044";
      }
    }
    if (const CameoCode* c = rules_.Cameo(ev.cameo)) ev.goldstein = c->goldstein;
    ev.plover = ti ? ti->plover : "";
    for (auto& [a, r] : m.actors) {
      Actor out;
      out.name = a.name;
      out.country = a.country;
      out.org = a.org;
      out.office = a.office;
      out.role = r;
      out.begin = a.begin;
      out.end = a.end;
      if (a.end > a.begin && a.end <= doc_.text.size()) out.text = std::string(doc_.text.substr(a.begin, a.end - a.begin));
      ev.actors.push_back(out);
    }
    ev.date = m.date;
    if (m.location) {
      ev.location = m.location;
      ev.location->city = m.city;
    }
    ev.background = m.background;
    ev.future = m.future;
    ev.negated = m.negated;
    ev.attributes = m.attributes;
    // topics: words of the topic table in the sentences that report the event
    std::set<std::string> topics;
    auto scan = [&](size_t si) {
      for (const std::string* topic : SentenceTopics(si)) topics.insert(*topic);
    };
    scan(m.sentence);
    for (size_t k = 1; k < j.all.size() && k < 8; ++k) scan(j.all[k].sentence);
    ev.topics.assign(topics.begin(), topics.end());
    ev.evidence = m.evidence;
    for (size_t k = 1; k < j.all.size(); ++k) {
      if (j.all[k].evidence.trigger_begin != m.evidence.trigger_begin) ev.mentions.push_back(j.all[k].evidence);
    }
    ev.confidence = m.weak ? 0.6 : 0.9;
    return ev;
  }

  const KnowledgeBase& kb_;
  const TimeTagger& time_;
  const Lemmatizer* lem_;
  const Rules& rules_;
  const std::string& lang_;
  const bool en_;  // English: word order, verb group and prepositions of English (see the En* functions)
  const Document& doc_;
  const Segmented& seg_;
  std::vector<std::string_view> words_;
  mutable std::vector<const std::vector<Analysis>*> an_;  // see An()
  mutable std::unordered_map<size_t, std::vector<const std::string*>> sentence_topics_;  // see SentenceTopics()
  uint32_t an_base_ = 0;
  int role_bits_[static_cast<int>(R::kCount)];
  std::optional<Date> ref_;

  std::vector<Mention> mentions_;
  const std::vector<Unit>* cur_units_ = nullptr;  // the current sentence's units
  uint32_t cover_base_ = 0;                        // first token of the current window
  std::vector<bool> time_mask_;                    // tokens of time expressions in the current window
  uint32_t time_base_ = 0;
  std::vector<ActorVal> recent_;
  std::vector<ActorVal> pair_;
  std::vector<std::vector<ActorVal>> pairs_;  // earlier pairs, oldest first
  std::optional<Location> last_location_;
  bool last_location_city_ = false;
  std::optional<ActorVal> last_event_source_;
  std::optional<ActorVal> last_act_source_;
  std::optional<ActorVal> last_event_target_;
  bool gathering_framed_ = false;  // a sentence so far framed its events in a gathering (see after_gathering)
  std::vector<Occur> occur_;
};

}  // namespace

Status Extractor::CheckRules(const Rules& rules, const std::string& lang) {
  for (const char* name : kRoleNames) {
    if (rules.RoleBit(name) < 0) {
      return Status::DataError("data/" + lang + "/grammar.tsv: no row for role '" + name + "'");
    }
  }
  return Status::Ok();
}

std::vector<Event> Extractor::Extract(const Document& doc, const Segmented& seg) const {
  DocExtractor d(kb_, time_, lemmatizer_, rules_, lang_, doc, seg);
  return d.Run();
}

}  // namespace entente
