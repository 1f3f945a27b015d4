// The extractor's rule tables, loaded from data/ and compiled once:
//   data/cameo.tsv            CAMEO codes, Goldstein scores, quad classes
//   data/event_types.tsv      entente types → default CAMEO, PLOVER, family
//   data/<lang>/patterns.tsv  event patterns (see the header of the file)
//   data/<lang>/grammar.tsv   function words and cues by role
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

enum class Slot : uint8_t { kSubj, kObj, kAvec, kA, kContre, kEn, kDe, kPar, kEntre };
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

  const CameoCode* Cameo(std::string_view code) const;
  const EventTypeInfo* Type(std::string_view type) const;

 private:
  std::vector<std::unique_ptr<Pattern>> patterns_;
  std::unordered_map<std::string, std::vector<const Pattern*>> by_word_;
  std::map<std::string, std::set<std::string>, std::less<>> grammar_;  // role → phrases
  std::map<std::string, int, std::less<>> max_phrase_words_;           // role → longest phrase length
  std::unordered_map<std::string, CameoCode> cameo_;
  std::unordered_map<std::string, EventTypeInfo> types_;
};

}  // namespace entente

#endif  // ENTENTE_EXTRACT_RULES_H_
