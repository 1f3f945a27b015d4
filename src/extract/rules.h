// The extractor's rule tables, loaded from data/ and compiled once:
//   data/cameo.tsv            CAMEO codes, Goldstein scores, quad classes
//   data/event_types.tsv      entente types → default CAMEO, PLOVER, family
//   data/<lang>/patterns.tsv  event patterns (see the header of the file)
//   data/<lang>/grammar.tsv   function words and cues by role
//   data/<lang>/verb_forms.tsv  optional: verb forms the hunspell dictionary does not analyse
// Immutable after Load(); share across threads.
#ifndef ENTENTE_EXTRACT_RULES_H_
#define ENTENTE_EXTRACT_RULES_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entente/status.h"
#include "text/lemmatizer.h"

namespace entente {

struct CameoCode {
  std::string code;
  std::string root;
  int quad_class = 0;
  std::string name;
  double goldstein = 0;
};

struct EventTypeInfo {
  std::string type;
  std::string cameo;
  std::string plover;
  std::string family;
};

enum class Slot : uint8_t { kSubj, kObj, kAvec, kA, kContre, kEn, kDe, kPar, kEntre, kSur };
enum class SlotRole : uint8_t { kSource, kTarget, kParticipant };

struct Pattern {
  std::string id;
  std::vector<std::string> words;  // words[0] is a lemma; the rest folded forms that must follow
  enum class Pos : uint8_t { kVerb, kNoun, kAdj } pos = Pos::kVerb;
  std::string type;
  std::string cameo;
  int refl = -1;  // 1 needs a reflexive, 0 must not have one, -1 any
  std::vector<std::string> cue;
  int window = 0;
  std::vector<std::pair<Slot, SlotRole>> slots;
  std::set<std::string> flags;
  bool Has(std::string_view flag) const { return flags.count(std::string(flag)) > 0; }
};

class Rules {
 public:
  // Loads the tables for `lang` ("fr"). Errors name file:line.
  static Result<std::unique_ptr<Rules>> Load(const std::string& data_dir, const std::string& lang);

  // Patterns whose first word is `lemma_or_fold`, in table order.
  const std::vector<const Pattern*>& PatternsFor(std::string_view lemma_or_fold) const;
  // True when the folded phrase has `role` in grammar.tsv.
  bool Is(std::string_view role, std::string_view folded) const;
  // Longest phrase of `role` that starts at words[i..] (folded tokens); 0 when none.
  int MatchPhrase(std::string_view role, const std::vector<std::string_view>& words, size_t i) const;

  // The same by a role's bit (RoleBit(), looked up once): no string comparison of role names.
  int RoleBit(std::string_view role) const;  // -1 when unknown
  bool IsBit(int bit, std::string_view folded) const {
    return bit >= 0 && (Mask(phrase_roles_, folded) >> bit & 1);
  }
  int MatchPhraseBit(int bit, const std::vector<std::string_view>& words, size_t i) const;

  // Topics whose words start at words[i] (folded tokens): (topic, length in words).
  std::vector<std::pair<const std::string*, int>> TopicsAt(const std::vector<std::string_view>& words, size_t i) const;

  // Analyses of a word form listed in data/<lang>/verb_forms.tsv (irregular verbs, auxiliaries, modals,
  // spellings the hunspell dictionary lacks); null when the table does not list it. A listed form's
  // analyses replace the lemmatizer's.
  const std::vector<Analysis>* VerbForm(std::string_view norm) const {
    auto it = verb_forms_.find(norm);
    return it == verb_forms_.end() ? nullptr : &it->second;
  }

  const CameoCode* Cameo(std::string_view code) const;
  const EventTypeInfo* Type(std::string_view type) const;

 private:
  std::vector<std::unique_ptr<Pattern>> patterns_;
  // Heterogeneous hashing, so that look-ups by string_view allocate nothing.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, std::vector<const Pattern*>, Hash, std::equal_to<>> by_word_;
  uint64_t Mask(const std::unordered_map<std::string, uint64_t, Hash, std::equal_to<>>& m,
                std::string_view w) const {
    auto it = m.find(w);
    return it == m.end() ? 0 : it->second;
  }
  std::vector<std::string> roles_;  // bit i of the masks below is roles_[i] (at most 64 roles)
  std::unordered_map<std::string, uint64_t, Hash, std::equal_to<>> phrase_roles_;  // phrase → roles
  std::unordered_map<std::string, uint64_t, Hash, std::equal_to<>> first_roles_;   // first word → roles
  std::vector<int> max_phrase_words_;                                               // by role bit
  std::vector<std::string> topic_names_;
  std::unordered_map<std::string, std::vector<size_t>, Hash, std::equal_to<>> topic_words_;  // phrase → topics
  std::unordered_map<std::string, int, Hash, std::equal_to<>> topic_first_;  // first word → longest phrase
  std::unordered_map<std::string, std::vector<Analysis>, Hash, std::equal_to<>> verb_forms_;  // form → analyses
  std::unordered_map<std::string, CameoCode> cameo_;
  std::unordered_map<std::string, EventTypeInfo> types_;
};

}  // namespace entente

#endif  // ENTENTE_EXTRACT_RULES_H_
