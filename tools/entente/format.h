// Text forms the `entente` command prints, and parsing of its query flags.
// Pure functions, kept apart from main() so that they can be tested.
#ifndef ENTENTE_TOOLS_ENTENTE_FORMAT_H_
#define ENTENTE_TOOLS_ENTENTE_FORMAT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entente/date.h"
#include "entente/event.h"
#include "entente/status.h"
#include "entente/store.h"

namespace entente::cli {

// A query date: "YYYY-MM-DD", "YYYY-MM" or "YYYY". A partial date stands for
// its first day when `as_end` is false (--from) and its last day when true
// (--to). Anything else is InvalidArgument naming the flag.
Result<Date> ParseQueryDate(std::string_view text, std::string_view flag, bool as_end);
// The same for an optional flag: nullopt when `text` is empty.
Result<std::optional<Date>> ParseOptionalDate(std::string_view text, std::string_view flag, bool as_end);

// "RUS,IRN" → {"RUS", "IRN"} (upper-cased). Each side must be three ASCII
// letters.
Result<std::pair<std::string, std::string>> ParsePair(std::string_view text);

// The event's date at its precision:
//   day          2023-01-19
//   month        2023-01
//   year         2023
//   decade       2020s
//   publication  2023-01-19~   (no date in the text; the publication date stands in)
//   others       2023-01-16..2023-01-22   (week, season, quarter: the range)
//   no date      undated
std::string FormatEventDate(const Event& event);

// "Vladimir Putin (RUS)", "António Guterres (UN)", "RUS", "UN".
std::string FormatActor(const Actor& actor);
// Actors joined by " — ".
std::string FormatActors(const Event& event);

// One timeline line:
//   2023-01-19   PHONE_CALL  Vladimir Putin (RUS) — Ebrahim Raisi (IRN) @ Moscow [future]  [doc-1]
std::string TimelineLine(const Event& event);

// The stored JSON line with "id" put first: {"id":12,...}.
std::string JsonWithId(int64_t id, std::string_view json);

// TimelineLine plus the event id and, for an event reported by several
// articles, "(3 articles, 2 outlets)".
std::string MergedTimelineLine(const MergedEventRow& row);

// `entente explain`: the event, then each mention with its document, outlet,
// sentence and the rule that joined it.
std::string ExplainText(const MergedEventRow& row);

// "+3.8", "-10.0", "0.0".
std::string FormatGoldstein(double g);

// Display width of UTF-8 text, in code points (good enough for Latin and
// Cyrillic names; wide CJK characters count as one).
size_t DisplayWidth(std::string_view text);

// Rows of cells as aligned columns, two spaces apart, with a header row; the
// last column is not padded. Each row has as many cells as `header`.
std::string FormatTable(const std::vector<std::string>& header,
                        const std::vector<std::vector<std::string>>& rows);

// The table row of one event: date, type, cameo, actors, place, doc.
std::vector<std::string> EventTableRow(const Event& event);
std::vector<std::string> EventTableHeader();

}  // namespace entente::cli

#endif  // ENTENTE_TOOLS_ENTENTE_FORMAT_H_
