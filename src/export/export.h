// Exports of the merged events (`entente export`), in the formats the field
// uses. Formats and their columns are documented in docs/exports.md.
//
//   auto w = Exporter::Create("gdelt", out);
//   for (const MergedEventRow& r : page) w->Add(r);   // rows with their mentions
//   w->Finish();
//
// Rows stream through Add(); only the graph formats keep state (one entry per
// actor and per actor pair and type), so memory does not grow with the number
// of events for the row formats.
#ifndef ENTENTE_EXPORT_EXPORT_H_
#define ENTENTE_EXPORT_EXPORT_H_

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "entente/status.h"
#include "entente/store.h"

namespace entente {

// The formats Exporter::Create accepts.
const std::vector<std::string>& ExportFormats();

class Exporter {
 public:
  // `format`: jsonl, csv (events; mentions go to `mentions_out`), gdelt,
  // plover, graphml, gexf. `mentions_out` is used by csv only.
  static Result<std::unique_ptr<Exporter>> Create(const std::string& format, std::ostream& out,
                                                  std::ostream* mentions_out = nullptr);
  virtual ~Exporter() = default;
  // REQUIRES: row.mentions filled (MergedEvents(query, /*with_mentions=*/true)).
  virtual void Add(const MergedEventRow& row) = 0;
  virtual void Finish() = 0;
};

// One merged event as a JSON line: "id", the extract format's keys, the
// counts, and "mentions" (see docs/event-format.md).
std::string MergedEventJson(const MergedEventRow& row);

// CAMEO quad class of a code: 1 verbal cooperation (01-05), 2 material
// cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict
// (14-20); 0 when the code has no root.
int QuadClass(const std::string& cameo);

}  // namespace entente

#endif  // ENTENTE_EXPORT_EXPORT_H_
