// From a segmented document to its events: patterns, clause structure
// (subject, objects, passives, reported speech), coreference of titles and
// pronouns, attachment of dates and places, flags, and the joining of the
// several reports of one event inside the document.
//
// The Extractor holds references to compiled tables (it owns nothing); all of
// them must outlive it. Extract() is const and thread-safe.
#ifndef ENTENTE_EXTRACT_EXTRACTOR_H_
#define ENTENTE_EXTRACT_EXTRACTOR_H_

#include <string>
#include <vector>

#include "entente/document.h"
#include "entente/event.h"
#include "extract/rules.h"
#include "kb/kb.h"
#include "text/lemmatizer.h"
#include "text/segment.h"
#include "time/timex.h"

namespace entente {

class Extractor {
 public:
  // `lemmatizer` may be null (then only folded word forms are matched).
  Extractor(const KnowledgeBase& kb, const TimeTagger& time, const Lemmatizer* lemmatizer, const Rules& rules,
            std::string lang)
      : kb_(kb), time_(time), lemmatizer_(lemmatizer), rules_(rules), lang_(std::move(lang)) {}

  // Events of `doc`, whose text `seg` segments. Caps: at most kMaxMentions
  // mentions per document are considered (hostile input).
  std::vector<Event> Extract(const Document& doc, const Segmented& seg) const;

  static constexpr size_t kMaxMentions = 5000;

  // OK when `rules` defines every grammar role the extractor uses; else a DataError naming the role.
  static Status CheckRules(const Rules& rules, const std::string& lang);

 private:
  const KnowledgeBase& kb_;
  const TimeTagger& time_;
  const Lemmatizer* lemmatizer_;
  const Rules& rules_;
  std::string lang_;
};

}  // namespace entente

#endif  // ENTENTE_EXTRACT_EXTRACTOR_H_
