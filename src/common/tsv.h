// Reading the reviewed tables in data/: TSV with a header row.
//
//   auto t = TsvTable::Read("data/countries.tsv", {"iso3", "name_en", "source"});
//   if (!t.ok()) return t.status();          // "data/countries.tsv: missing column 'source'"
//   for (const TsvRow& row : t->rows()) {
//     std::string_view iso = row.Get("iso3");
//     if (iso.size() != 3) return row.Error("iso3 must have 3 letters");  // "data/countries.tsv:7: ..."
//   }
//
// Rules: UTF-8; the first line names the columns; lines starting with '#' and
// blank lines are skipped; every row has as many fields as the header; fields
// are not quoted (a tab or newline cannot occur inside a field). Required
// columns must exist in the header and, when `nonempty` is set, be non-empty in
// each row.
#ifndef ENTENTE_COMMON_TSV_H_
#define ENTENTE_COMMON_TSV_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entente/status.h"

namespace entente {

class TsvTable;

class TsvRow {
 public:
  // The field of a column; "" when the column does not exist.
  std::string_view Get(std::string_view column) const;
  bool Has(std::string_view column) const;
  int line() const { return line_; }
  // A DataError "path:line: message".
  Status Error(std::string_view message) const;

 private:
  friend class TsvTable;
  struct Meta {
    std::string path;
    std::unordered_map<std::string, size_t> column;
  };
  std::shared_ptr<const Meta> meta_;  // shared by the rows of one table
  std::vector<std::string> fields_;
  int line_ = 0;
};

class TsvTable {
 public:
  // Reads the whole file. `required` columns must be in the header and be
  // non-empty in every row.
  static Result<TsvTable> Read(const std::string& path, const std::vector<std::string>& required);
  // Same, from a string (tests); `path` is used in messages.
  static Result<TsvTable> Parse(std::string_view content, const std::string& path,
                                const std::vector<std::string>& required);

  const std::string& path() const { return path_; }
  const std::vector<std::string>& header() const { return header_; }
  const std::vector<TsvRow>& rows() const { return rows_; }

 private:
  std::string path_;
  std::vector<std::string> header_;
  std::vector<TsvRow> rows_;
};

// Splits a field holding several values ("Poutine|Putin") on '|', trimming
// spaces and dropping empty parts.
std::vector<std::string> SplitList(std::string_view field, char sep = '|');

}  // namespace entente

#endif  // ENTENTE_COMMON_TSV_H_
