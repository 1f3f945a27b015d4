#include "common/tsv.h"

#include <fstream>
#include <sstream>

namespace entente {

std::string_view TsvRow::Get(std::string_view column) const {
  auto it = meta_->column.find(std::string(column));
  if (it == meta_->column.end() || it->second >= fields_.size()) return {};
  return fields_[it->second];
}

bool TsvRow::Has(std::string_view column) const {
  return meta_->column.count(std::string(column)) > 0;
}

Status TsvRow::Error(std::string_view message) const {
  return Status::DataError(meta_->path + ":" + std::to_string(line_) + ": " + std::string(message));
}

static std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      out.emplace_back(line.substr(start));
      break;
    }
    out.emplace_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  return out;
}

Result<TsvTable> TsvTable::Parse(std::string_view content, const std::string& path,
                                 const std::vector<std::string>& required) {
  TsvTable t;
  t.path_ = path;
  auto meta = std::make_shared<TsvRow::Meta>();
  meta->path = path;
  int line_no = 0;
  bool have_header = false;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    std::string_view line = content.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? content.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    if (!have_header) {
      t.header_ = SplitTabs(line);
      for (size_t i = 0; i < t.header_.size(); ++i) {
        if (t.header_[i].empty()) {
          return Status::DataError(path + ":" + std::to_string(line_no) + ": empty column name in header");
        }
        if (!meta->column.emplace(t.header_[i], i).second) {
          return Status::DataError(path + ":" + std::to_string(line_no) + ": column '" + t.header_[i] +
                                   "' appears twice in header");
        }
      }
      for (const std::string& r : required) {
        if (!meta->column.count(r)) {
          return Status::DataError(path + ":" + std::to_string(line_no) + ": missing column '" + r + "'");
        }
      }
      have_header = true;
      continue;
    }
    TsvRow row;
    row.fields_ = SplitTabs(line);
    row.line_ = line_no;
    row.meta_ = meta;
    if (row.fields_.size() != t.header_.size()) {
      return Status::DataError(path + ":" + std::to_string(line_no) + ": " + std::to_string(row.fields_.size()) +
                               " fields, header has " + std::to_string(t.header_.size()));
    }
    for (const std::string& r : required) {
      if (row.fields_[meta->column.at(r)].empty()) {
        return Status::DataError(path + ":" + std::to_string(line_no) + ": empty '" + r + "'");
      }
    }
    t.rows_.push_back(std::move(row));
  }
  if (!have_header) return Status::DataError(path + ": no header row");
  return t;
}

Result<TsvTable> TsvTable::Read(const std::string& path, const std::vector<std::string>& required) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  return Parse(ss.str(), path, required);
}

std::vector<std::string> SplitList(std::string_view field, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= field.size()) {
    size_t p = field.find(sep, start);
    std::string_view part = field.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start);
    while (!part.empty() && (part.front() == ' ')) part.remove_prefix(1);
    while (!part.empty() && (part.back() == ' ')) part.remove_suffix(1);
    if (!part.empty()) out.emplace_back(part);
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

}  // namespace entente
