#include "extract/rules.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "common/tsv.h"

namespace entente {

namespace {

std::vector<std::string> SplitSpaces(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool ParseSlot(std::string_view name, Slot* slot) {
  static const std::pair<const char*, Slot> kSlots[] = {
      {"subj", Slot::kSubj}, {"obj", Slot::kObj},     {"avec", Slot::kAvec}, {"a", Slot::kA},   {"contre", Slot::kContre},
      {"en", Slot::kEn},     {"de", Slot::kDe},       {"par", Slot::kPar},   {"entre", Slot::kEntre},
      {"sur", Slot::kSur}};
  for (const auto& [n, s] : kSlots) {
    if (name == n) {
      *slot = s;
      return true;
    }
  }
  return false;
}

}  // namespace

Result<std::unique_ptr<Rules>> Rules::Load(const std::string& data_dir, const std::string& lang) {
  auto rules = std::make_unique<Rules>();

  ENTENTE_ASSIGN_OR_RETURN(TsvTable cameo,
                           TsvTable::Read(data_dir + "/cameo.tsv", {"code", "root", "quad_class", "name", "source"}));
  for (const TsvRow& row : cameo.rows()) {
    CameoCode c;
    c.code = row.Get("code");
    c.root = row.Get("root");
    c.quad_class = std::atoi(std::string(row.Get("quad_class")).c_str());
    c.name = row.Get("name");
    std::string g(row.Get("goldstein"));
    char* end = nullptr;
    c.goldstein = g.empty() ? 0 : std::strtod(g.c_str(), &end);
    if (!g.empty() && end && *end) return row.Error("bad goldstein '" + g + "'");
    if (!rules->cameo_.emplace(c.code, c).second) return row.Error("duplicate code " + c.code);
  }

  ENTENTE_ASSIGN_OR_RETURN(TsvTable types, TsvTable::Read(data_dir + "/event_types.tsv",
                                                          {"type", "cameo", "plover", "family", "source"}));
  for (const TsvRow& row : types.rows()) {
    EventTypeInfo t{std::string(row.Get("type")), std::string(row.Get("cameo")), std::string(row.Get("plover")),
                    std::string(row.Get("family"))};
    if (!rules->cameo_.count(t.cameo)) return row.Error("unknown CAMEO code '" + t.cameo + "'");
    if (!rules->types_.emplace(t.type, t).second) return row.Error("duplicate type " + t.type);
  }

  const std::string dir = data_dir + "/" + lang;
  ENTENTE_ASSIGN_OR_RETURN(TsvTable grammar, TsvTable::Read(dir + "/grammar.tsv", {"role", "words", "source"}));
  for (const TsvRow& row : grammar.rows()) {
    std::string role(row.Get("role"));
    int bit = rules->RoleBit(role);
    if (bit < 0) {
      if (rules->roles_.size() >= 64) return row.Error("more than 64 roles");
      rules->roles_.push_back(role);
      rules->max_phrase_words_.push_back(0);
      bit = static_cast<int>(rules->roles_.size()) - 1;
    }
    for (const std::string& w : SplitList(row.Get("words"))) {
      std::vector<std::string> parts = SplitSpaces(w);
      if (parts.empty()) continue;
      rules->phrase_roles_[w] |= uint64_t{1} << bit;
      rules->first_roles_[parts[0]] |= uint64_t{1} << bit;
      int n = static_cast<int>(parts.size());
      if (n > rules->max_phrase_words_[bit]) rules->max_phrase_words_[bit] = n;
    }
  }

  {
    const std::string path = dir + "/topics.tsv";
    std::ifstream probe(path);
    if (probe) {  // optional table
      ENTENTE_ASSIGN_OR_RETURN(TsvTable topics, TsvTable::Read(path, {"topic", "words", "source"}));
      for (const TsvRow& row : topics.rows()) {
        rules->topic_names_.emplace_back(row.Get("topic"));
        for (const std::string& w : SplitList(row.Get("words"))) {
          std::vector<std::string> parts = SplitSpaces(w);
          if (parts.empty()) continue;
          rules->topic_words_[w].push_back(rules->topic_names_.size() - 1);
          int& longest = rules->topic_first_[parts[0]];
          longest = std::max(longest, static_cast<int>(parts.size()));
        }
      }
    }
  }

  {
    const std::string path = dir + "/verb_forms.tsv";
    std::ifstream probe(path);
    if (probe) {  // optional table
      ENTENTE_ASSIGN_OR_RETURN(TsvTable forms, TsvTable::Read(path, {"form", "lemma", "tags", "source"}));
      for (const TsvRow& row : forms.rows()) {
        Analysis a;
        a.lemma = row.Get("lemma");
        a.lemma_fold = a.lemma;
        a.verb = true;
        for (const std::string& t : SplitSpaces(row.Get("tags"))) {
          if (t == "past") {
            a.simple_past = true;
          } else if (t == "ppas") {
            a.participle_past = true;
          } else if (t == "pres") {
            a.present = true;
          } else if (t == "ing") {
            a.participle_present = true;
          } else if (t == "base") {
            a.infinitive = a.present = true;
          } else if (t == "modal") {
            a.conditional = true;
          } else if (t == "perfect") {
            a.imperfect = true;  // "had met": the pluperfect, as French "avait rencontré"
          } else {
            return row.Error("unknown tag '" + t + "' (past, ppas, pres, ing, base, modal, perfect)");
          }
        }
        if (a.lemma.empty()) return row.Error("empty lemma");
        rules->verb_forms_[std::string(row.Get("form"))].push_back(std::move(a));
      }
    }
  }

  ENTENTE_ASSIGN_OR_RETURN(
      TsvTable pats, TsvTable::Read(dir + "/patterns.tsv", {"id", "lemma", "pos", "type", "cameo", "source"}));
  std::set<std::string> ids;
  for (const TsvRow& row : pats.rows()) {
    auto p = std::make_unique<Pattern>();
    p->id = row.Get("id");
    if (!ids.insert(p->id).second) return row.Error("duplicate pattern id " + p->id);
    p->words = SplitSpaces(row.Get("lemma"));
    std::string_view pos = row.Get("pos");
    if (pos == "verb") {
      p->pos = Pattern::Pos::kVerb;
    } else if (pos == "noun") {
      p->pos = Pattern::Pos::kNoun;
    } else if (pos == "adj") {
      p->pos = Pattern::Pos::kAdj;
    } else {
      return row.Error("pos must be verb, noun or adj, not '" + std::string(pos) + "'");
    }
    p->type = row.Get("type");
    if (!rules->types_.count(p->type)) return row.Error("unknown type '" + p->type + "'");
    p->cameo = row.Get("cameo");
    if (!rules->cameo_.count(p->cameo)) return row.Error("unknown CAMEO code '" + p->cameo + "'");
    std::string_view refl = row.Get("refl");
    p->refl = refl.empty() ? -1 : refl == "1" ? 1 : refl == "0" ? 0 : -2;
    if (p->refl == -2) return row.Error("refl must be 0, 1 or empty");
    p->cue = SplitList(row.Get("cue"));
    p->window = std::atoi(std::string(row.Get("window")).c_str());
    if (!p->cue.empty() && p->window <= 0) return row.Error("a cue needs a window > 0");
    for (const std::string& s : SplitSpaces(row.Get("slots"))) {
      size_t eq = s.find('=');
      Slot slot;
      if (eq == std::string::npos || !ParseSlot(std::string_view(s).substr(0, eq), &slot)) {
        return row.Error("bad slot '" + s + "'");
      }
      std::string_view r = std::string_view(s).substr(eq + 1);
      SlotRole role = r == "source" ? SlotRole::kSource : r == "target" ? SlotRole::kTarget : SlotRole::kParticipant;
      if (r != "source" && r != "target" && r != "participant") return row.Error("bad slot role '" + s + "'");
      p->slots.emplace_back(slot, role);
    }
    for (const std::string& f : SplitSpaces(row.Get("flags"))) p->flags.insert(f);
    rules->by_word_[p->words[0]].push_back(p.get());
    rules->patterns_.push_back(std::move(p));
  }
  return rules;
}

const std::vector<const Pattern*>& Rules::PatternsFor(std::string_view w) const {
  static const std::vector<const Pattern*> kNone;
  auto it = by_word_.find(w);
  return it == by_word_.end() ? kNone : it->second;
}

int Rules::RoleBit(std::string_view role) const {
  for (size_t i = 0; i < roles_.size(); ++i) {
    if (roles_[i] == role) return static_cast<int>(i);
  }
  return -1;
}

bool Rules::Is(std::string_view role, std::string_view folded) const {
  int bit = RoleBit(role);
  return bit >= 0 && (Mask(phrase_roles_, folded) >> bit & 1);
}

int Rules::MatchPhrase(std::string_view role, const std::vector<std::string_view>& words, size_t i) const {
  return MatchPhraseBit(RoleBit(role), words, i);
}

int Rules::MatchPhraseBit(int bit, const std::vector<std::string_view>& words, size_t i) const {
  if (bit < 0 || i >= words.size() || !(Mask(first_roles_, words[i]) >> bit & 1)) return 0;
  int maxn = max_phrase_words_[bit];
  std::string phrase;
  int best = 0;
  for (int n = 1; n <= maxn && i + n <= words.size(); ++n) {
    if (n > 1) phrase += ' ';
    phrase += words[i + n - 1];
    if (Mask(phrase_roles_, phrase) >> bit & 1) best = n;
  }
  return best;
}

std::vector<std::pair<const std::string*, int>> Rules::TopicsAt(const std::vector<std::string_view>& words,
                                                                 size_t i) const {
  std::vector<std::pair<const std::string*, int>> out;
  auto first = topic_first_.find(words[i]);
  if (first == topic_first_.end()) return out;
  std::string phrase;
  for (int n = 1; n <= first->second && i + n <= words.size(); ++n) {
    if (n > 1) phrase += ' ';
    phrase += words[i + n - 1];
    auto it = topic_words_.find(phrase);
    if (it == topic_words_.end()) continue;
    for (size_t t : it->second) out.emplace_back(&topic_names_[t], n);
  }
  return out;
}

const CameoCode* Rules::Cameo(std::string_view code) const {
  auto it = cameo_.find(std::string(code));
  return it == cameo_.end() ? nullptr : &it->second;
}

const EventTypeInfo* Rules::Type(std::string_view type) const {
  auto it = types_.find(std::string(type));
  return it == types_.end() ? nullptr : &it->second;
}

}  // namespace entente
