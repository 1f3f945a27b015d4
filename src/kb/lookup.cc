#include "kb/lookup.h"

#include <algorithm>

namespace entente {
namespace {

bool Covers(const Term& t, Date d) { return t.from <= d && (!t.to.valid() || d <= t.to); }

// Words that may stand between a title and its country: "le ministre des
// Affaires étrangères de l'Iran", "the President of Russia".
bool IsLinkWord(std::string_view fold) {
  return fold == "de" || fold == "du" || fold == "d'" || fold == "des" || fold == "of" || fold == "the" ||
         fold == "la" || fold == "le" || fold == "l'" || fold == "les";
}

class Resolver {
 public:
  Resolver(const KnowledgeBase& kb, std::string_view text, const Segmented& s, std::optional<Date> date)
      : kb_(kb), text_(text), s_(s), date_(date) {}

  std::string Text(uint32_t tb, uint32_t te) const {
    if (tb >= te) return "";
    return std::string(text_.substr(s_.tokens[tb].begin, s_.tokens[te - 1].end - s_.tokens[tb].begin));
  }

  void AddTerm(KbCandidate c, const Person& p, const Term& t, std::vector<KbCandidate>* out) const {
    const Office& o = kb_.offices()[t.office];
    c.office = o.name_en;
    if (c.country.empty()) c.country = o.country;
    c.org = o.org;
    c.from = t.from.ToString();
    c.to = t.to.valid() ? t.to.ToString() : "";
    c.source = t.source.empty() ? p.source : t.source;
    out->push_back(std::move(c));
  }

  // A person: the terms on the date first (each a candidate), then, without a
  // date or when none covers it, the person with every term.
  void Person(int32_t index, const std::string& matched, const std::string& why, std::vector<KbCandidate>* out) const {
    const entente::Person& p = kb_.persons()[index];
    KbCandidate base;
    base.kind = "person";
    base.matched = matched;
    base.name = p.name_en;
    base.country = p.country;
    base.source = p.source;
    base.why = why;
    bool any = false;
    std::vector<const Term*> terms;
    for (const Term& t : p.terms) terms.push_back(&t);
    std::sort(terms.begin(), terms.end(), [](const Term* a, const Term* b) { return b->from < a->from; });
    for (const Term* t : terms) {
      if (date_ && !Covers(*t, *date_)) continue;
      AddTerm(base, p, *t, out);
      any = true;
    }
    if (any) return;
    if (date_ && !p.terms.empty()) base.why += (base.why.empty() ? "" : "; ") + std::string("no office on ") + date_->ToString();
    for (const Person::Code& c : p.codes) {
      if (date_ && ((c.from.valid() && *date_ < c.from) || (c.to.valid() && c.to < *date_))) continue;
      base.code = c.code;
      base.from = c.from.valid() ? c.from.ToString() : "";
      base.to = c.to.valid() ? c.to.ToString() : "";
      break;
    }
    out->push_back(std::move(base));
  }

  // The holder of `kind` for a country or org; a country-level candidate with
  // the reason when there is none.
  void Holder(const std::string& kind, const std::string& country, const std::string& org,
              const std::string& matched, std::vector<KbCandidate>* out) const {
    const std::string& where = org.empty() ? country : org;
    if (kind == "counterpart") {
      KbCandidate c;
      c.kind = org.empty() ? "country" : "org";
      c.matched = matched;
      c.country = country;
      c.org = org;
      c.why = "a counterpart is the other party's office held in " + (where.empty() ? "a country" : where) +
              ": it resolves in an event, not alone";
      out->push_back(std::move(c));
      return;
    }
    if (where.empty()) {
      KbCandidate c;
      c.kind = "title";
      c.matched = matched;
      c.office = kind;
      c.why = "no country or organization in the phrase";
      out->push_back(std::move(c));
      return;
    }
    if (date_) {
      if (const entente::Person* p = kb_.Holder(kind, where, *date_)) {
        Person(static_cast<int32_t>(p - kb_.persons().data()), matched,
               "holder of " + kind + " of " + where + " on " + date_->ToString(), out);
        // Keep only the term of the office asked for first.
        return;
      }
    } else {
      // Without a date: every holder of the office, latest first.
      std::vector<std::pair<Date, int32_t>> holders;
      for (size_t i = 0; i < kb_.persons().size(); ++i) {
        for (const Term& t : kb_.persons()[i].terms) {
          const Office& o = kb_.offices()[t.office];
          if ((o.kind == kind || (kind == "leader" && o.kind == "head_of_state")) &&
              (o.country == where || o.org == where)) {
            holders.emplace_back(t.from, static_cast<int32_t>(i));
          }
        }
      }
      std::sort(holders.begin(), holders.end(), [](const auto& a, const auto& b) { return b.first < a.first; });
      holders.erase(std::unique(holders.begin(), holders.end(),
                                [](const auto& a, const auto& b) { return a.second == b.second; }),
                    holders.end());
      for (auto [from, i] : holders) Person(i, matched, "a holder of " + kind + " of " + where + " (no date given)", out);
      if (!holders.empty()) return;
    }
    KbCandidate c;
    c.kind = org.empty() ? "country" : "org";
    c.matched = matched;
    c.country = country;
    c.org = org;
    c.why = "no holder of " + kind + " of " + where + " known" + (date_ ? " on " + date_->ToString() : "");
    out->push_back(std::move(c));
  }

 private:
  const KnowledgeBase& kb_;
  std::string_view text_;
  const Segmented& s_;
  std::optional<Date> date_;
};

}  // namespace

std::vector<KbCandidate> Lookup(const KnowledgeBase& kb, const Segmenter& seg, std::string_view phrase,
                                std::optional<Date> date) {
  Segmented s = seg.Segment(phrase);
  std::vector<KbMatch> ms = kb.Match(s.tokens, 0, static_cast<uint32_t>(s.tokens.size()));
  Resolver r(kb, phrase, s, date);
  std::vector<KbCandidate> out;
  std::vector<bool> used(ms.size(), false);
  // Only link words between matches a and b (a before b)?
  auto linked = [&](size_t a, size_t b) {
    for (uint32_t t = ms[a].tok_end; t < ms[b].tok_begin; ++t) {
      if (!IsLinkWord(s.tokens[t].fold) && s.tokens[t].fold != "'s" && s.tokens[t].fold != "'") return false;
    }
    return true;
  };
  auto country_of = [&](const KbMatch& m) -> std::string {
    if (m.kind == KbKind::kCountry || m.kind == KbKind::kAdjective) return kb.countries()[m.index].iso3;
    if (m.kind == KbKind::kSeat) return kb.seats()[m.index].country;
    return "";
  };
  for (size_t k = 0; k < ms.size(); ++k) {
    if (used[k]) continue;
    const KbMatch& m = ms[k];
    std::string matched = r.Text(m.tok_begin, m.tok_end);
    switch (m.kind) {
      case KbKind::kPerson: {
        std::vector<int32_t> people = m.alternatives.empty() ? std::vector<int32_t>{m.index} : m.alternatives;
        std::vector<KbCandidate> on, off;
        for (int32_t p : people) {
          std::vector<KbCandidate> c;
          r.Person(p, matched, people.size() > 1 ? "one of the people with this name" : "", &c);
          for (KbCandidate& x : c) (x.office.empty() ? off : on).push_back(std::move(x));
        }
        for (auto& x : on) out.push_back(std::move(x));
        for (auto& x : off) out.push_back(std::move(x));
        break;
      }
      case KbKind::kTitle: {
        const Title& t = kb.titles()[m.index];
        std::string country = t.country;
        std::string org = t.org;
        uint32_t te = m.tok_end, tb = m.tok_begin;
        if (m.country >= 0) country = kb.countries()[m.country].iso3;
        if (country.empty() && org.empty() && k + 1 < ms.size() && linked(k, k + 1)) {
          const KbMatch& n = ms[k + 1];
          if (n.kind == KbKind::kOrg) {
            org = kb.orgs()[n.index].code;
          } else {
            country = country_of(n);
          }
          if (!country.empty() || !org.empty()) {
            used[k + 1] = true;
            te = n.tok_end;
          }
        }
        if (country.empty() && org.empty() && k > 0 && !used[k - 1] && linked(k - 1, k)) {
          const KbMatch& p = ms[k - 1];
          country = country_of(p);
          if (p.kind == KbKind::kOrg) org = kb.orgs()[p.index].code;
          if (!country.empty() || !org.empty()) {
            // The preceding match was already printed as itself: replace it.
            tb = p.tok_begin;
            out.erase(std::remove_if(out.begin(), out.end(),
                                     [&](const KbCandidate& c) { return c.matched == r.Text(p.tok_begin, p.tok_end); }),
                      out.end());
          }
        }
        r.Holder(t.kind, country, org, r.Text(tb, te), &out);
        break;
      }
      case KbKind::kSeat: {
        const Seat& st = kb.seats()[m.index];
        KbCandidate c;
        c.kind = "seat";
        c.matched = matched;
        c.name = st.name_en;
        c.country = st.country;
        c.why = "stands for the " + st.stands_for + " of " + st.country;
        out.push_back(c);
        if (st.stands_for == "head_of_state" || st.stands_for == "head_of_government") {
          r.Holder(st.stands_for, st.country, "", matched, &out);
        } else if (st.stands_for == "foreign_ministry" || st.stands_for == "defence_ministry") {
          r.Holder(st.stands_for == "foreign_ministry" ? "foreign_minister" : "defence_minister", st.country, "",
                   matched, &out);
        }
        break;
      }
      case KbKind::kCountry:
      case KbKind::kAdjective: {
        const Country& c = kb.countries()[m.index];
        KbCandidate x;
        x.kind = "country";
        x.matched = matched;
        x.country = c.iso3;
        x.name = c.name_en;
        x.why = m.kind == KbKind::kAdjective ? "adjective" : "";
        out.push_back(std::move(x));
        break;
      }
      case KbKind::kOrg: {
        const Org& o = kb.orgs()[m.index];
        KbCandidate x;
        x.kind = "org";
        x.matched = matched;
        x.org = o.code;
        x.name = o.name_en;
        out.push_back(std::move(x));
        break;
      }
      case KbKind::kPlace: {
        std::vector<int32_t> places = m.alternatives.empty() ? std::vector<int32_t>{m.index} : m.alternatives;
        for (int32_t i : places) {
          const Place& p = kb.places()[i];
          KbCandidate x;
          x.kind = "place";
          x.matched = matched;
          x.name = p.name_en;
          x.country = p.country;
          x.lat = p.lat;
          x.lon = p.lon;
          x.why = p.capital ? "capital" : (places.size() > 1 ? "one of the places with this name" : "");
          out.push_back(std::move(x));
        }
        break;
      }
    }
  }
  return out;
}

}  // namespace entente
