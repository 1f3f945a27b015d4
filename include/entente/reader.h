// Reading articles: plain text, HTML and JSON Lines, streamed.
//
//   ReadOptions opts;
//   Status st = ReadPath("articles.jsonl", opts, [&](Result<Document> doc) {
//     if (!doc.ok()) { std::cerr << doc.status().message() << "\n"; return; }
//     Process(*doc);
//   });
//
// The sink is called once per document, in input order: with a Document, or
// with a Status whose one-line message names the document and the problem
// ("in.jsonl:7: not JSON: ..."). A bad document never stops the batch. The
// returned Status is non-OK only when the input as a whole cannot be read
// (missing file). Memory: one document at a time (JSON Lines are read line by
// line), bounded by ReadOptions::max_document_bytes.
//
// Format by extension: .jsonl/.ndjson, .html/.htm, anything else is plain text.
// Plain text: optional header lines at the top, "Key: value", up to a blank
// line, for keys Title, Date (or Published), Source, URL, Language, Id; see
// docs/input-formats.md.
#ifndef ENTENTE_READER_H_
#define ENTENTE_READER_H_

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "entente/document.h"
#include "entente/status.h"

namespace entente {

enum class InputFormat { kAuto, kText, kHtml, kJsonl };

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: by extension
  // Documents longer than this are refused with an error (default 64 MiB).
  size_t max_document_bytes = size_t{64} << 20;
};

using DocumentSink = std::function<void(Result<Document>)>;

// Reads a file ("-" for standard input, then format kAuto means JSON Lines
// when the first non-space byte is '{', else plain text).
Status ReadPath(const std::string& path, const ReadOptions& options, const DocumentSink& sink);

// Reads from a stream; `name` is used in ids and messages.
Status ReadStream(std::istream& in, std::string_view name, InputFormat format,
                  const ReadOptions& options, const DocumentSink& sink);

}  // namespace entente

#endif  // ENTENTE_READER_H_
