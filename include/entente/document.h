// A news article as entente reads it.
//
// `text` is the article body exactly as decoded by the reader (valid UTF-8);
// every offset that entente reports (tokens, mentions, evidence) is a byte
// offset into this string. The title is kept apart; when an input gives no
// separate title, the first line of `text` may be the headline.
#ifndef ENTENTE_DOCUMENT_H_
#define ENTENTE_DOCUMENT_H_

#include <optional>
#include <string>
#include <vector>

#include "entente/date.h"

namespace entente {

struct Document {
  std::string id;        // unique within a corpus; the reader derives one when absent
  std::string url;       // may be empty
  std::string source;    // outlet name; may be empty
  std::string language;  // ISO 639-1 ("fr", "en"); empty when unknown
  std::string title;     // may be empty
  std::string text;      // valid UTF-8
  // Publication date: the reference for every relative date in the text.
  // nullopt when neither metadata nor a dateline gives one.
  std::optional<Date> published;
  // Where the published date came from: "metadata", "dateline" or "" (none).
  std::string published_from;
  // Where the document came from, for messages: "file.jsonl:12" or "file.html".
  std::string origin;
  // Non-fatal problems the reader found (converted from Latin-1, no date...).
  std::vector<std::string> warnings;
};

}  // namespace entente

#endif  // ENTENTE_DOCUMENT_H_
