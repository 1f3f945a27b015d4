// Reading articles: see include/entente/reader.h and docs/input-formats.md.
#include "entente/reader.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/utf8.h"
#include "read/dateline.h"

namespace entente {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr char kNoDateWarning[] = "no publication date: relative dates stay unresolved";
constexpr char kConvertedWarning[] = "converted from Windows-1252/Latin-1";

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::string_view TrimView(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// "dir/name.ext" → "name"; "dir/name.tar.gz" → "name.tar".
std::string BaseNameNoExt(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = base.find_last_of('.');
  if (dot != std::string_view::npos && dot > 0) base = base.substr(0, dot);
  return std::string(base);
}

std::string BaseName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

InputFormat FormatFromName(std::string_view name) {
  size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || name.find('/', dot) != std::string_view::npos)
    return InputFormat::kText;
  const std::string ext = LowerAscii(name.substr(dot + 1));
  if (ext == "jsonl" || ext == "ndjson") return InputFormat::kJsonl;
  if (ext == "html" || ext == "htm") return InputFormat::kHtml;
  return InputFormat::kText;
}

std::string TooLarge(std::string_view where, size_t n, size_t max) {
  return std::string(where) + ": document of " + std::to_string(n) + " bytes exceeds the limit of " +
         std::to_string(max) + " bytes";
}

// "fr-FR" → "fr".
std::string LanguageCode(std::string_view lang) {
  lang = TrimView(lang);
  size_t cut = lang.find_first_of("-_");
  return LowerAscii(lang.substr(0, cut));
}

// First plausible year (1900..2100) written as four digits in `s`; 0 if none.
int YearIn(std::string_view s) {
  for (size_t i = 0; i + 4 <= s.size(); ++i) {
    bool digits = true;
    for (size_t k = 0; k < 4; ++k) digits = digits && s[i + k] >= '0' && s[i + k] <= '9';
    const bool before_ok = i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9');
    const bool after_ok = i + 4 == s.size() || !(s[i + 4] >= '0' && s[i + 4] <= '9');
    if (digits && before_ok && after_ok) {
      int y = std::stoi(std::string(s.substr(i, 4)));
      if (y >= 1900 && y <= 2100) return y;
    }
  }
  return 0;
}

// Decodes the bytes of a whole text or HTML file into valid UTF-8 (see the
// header: decided once, here).
Status DecodeText(std::string_view name, std::string* bytes, std::vector<std::string>* warnings) {
  if (bytes->size() >= kBom.size() && std::string_view(*bytes).substr(0, kBom.size()) == kBom) {
    bytes->erase(0, kBom.size());
  }
  if (TrimView(*bytes).empty()) return Status::InvalidArgument(std::string(name) + ": empty file");
  if (LooksBinary(*bytes)) return Status::InvalidArgument(std::string(name) + ": binary data, not text");
  size_t bad = 0;
  if (!IsValidUtf8(*bytes, &bad)) {
    *bytes = Windows1252ToUtf8(*bytes);
    warnings->push_back(std::string(kConvertedWarning) + " (invalid UTF-8 at byte " + std::to_string(bad) +
                        ")");
  }
  return Status::Ok();
}

// Sets `published` from the metadata value, else from a dateline; adds the
// warnings the header promises.
void ResolvePublished(std::string_view metadata_date, std::string_view url, Document* doc) {
  const std::string_view meta = TrimView(metadata_date);
  if (!meta.empty()) {
    if (std::optional<Date> d = Date::Parse(meta)) {
      doc->published = *d;
      doc->published_from = "metadata";
      return;
    }
    doc->warnings.push_back("publication date '" + std::string(meta.substr(0, 64)) +
                            "' is not YYYY-MM-DD or an ISO timestamp; ignored");
  }
  if (std::optional<Dateline> dl = FindDateline(doc->text)) {
    const std::string dl_text(TrimView(std::string_view(doc->text).substr(dl->begin, dl->end - dl->begin)));
    if (dl->has_year()) {
      if (std::optional<Date> d = dl->ToDate()) {
        doc->published = *d;
        doc->published_from = "dateline";
        return;
      }
    }
    // No year in the dateline: borrow one from the metadata (a date we could
    // not parse, or the URL), else leave the date unknown.
    int hint = YearIn(meta);
    if (hint == 0) hint = YearIn(url);
    if (hint != 0) {
      if (std::optional<Date> d = dl->ToDate(hint)) {
        doc->published = *d;
        doc->published_from = "dateline";
        doc->warnings.push_back("dateline '" + dl_text + "' has no year; took " + std::to_string(hint) +
                                " from the metadata");
        return;
      }
    }
    doc->warnings.push_back("dateline '" + dl_text + "' has no year; " + kNoDateWarning);
    return;
  }
  doc->warnings.push_back(kNoDateWarning);
}

// ---------------------------------------------------------------------------
// Plain text

struct HeaderKey {
  const char* key;
  int field;  // index into the switch below
};
constexpr std::array<HeaderKey, 7> kHeaderKeys = {
    {{"title", 0}, {"date", 1}, {"published", 1}, {"source", 2}, {"url", 3}, {"language", 4}, {"id", 5}}};

int HeaderField(std::string_view key) {
  const std::string k = LowerAscii(TrimView(key));
  for (const HeaderKey& h : kHeaderKeys) {
    if (k == h.key) return h.field;
  }
  return -1;
}

Result<Document> ParsePlainText(std::string_view name, std::string bytes, const ReadOptions& options) {
  Document doc;
  doc.origin = std::string(name);
  doc.id = BaseNameNoExt(name);
  ENTENTE_RETURN_IF_ERROR(DecodeText(name, &bytes, &doc.warnings));
  // The header: every line up to the first blank line is "Key: value" with a
  // known key; otherwise there is no header and the whole file is text.
  std::string date;
  size_t body = 0;
  {
    std::string_view s(bytes);
    std::vector<std::pair<int, std::string_view>> fields;
    size_t pos = 0;
    bool header = false;
    while (pos < s.size()) {
      size_t eol = s.find('\n', pos);
      if (eol == std::string_view::npos) break;  // no blank line: no header
      std::string_view line = s.substr(pos, eol - pos);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (TrimView(line).empty()) {
        header = !fields.empty();
        body = eol + 1;
        break;
      }
      size_t colon = line.find(':');
      int field = colon == std::string_view::npos ? -1 : HeaderField(line.substr(0, colon));
      if (field < 0) break;
      fields.emplace_back(field, TrimView(line.substr(colon + 1)));
      pos = eol + 1;
    }
    if (header) {
      for (const auto& [field, value] : fields) {
        switch (field) {
          case 0:
            doc.title = std::string(value);
            break;
          case 1:
            date = std::string(value);
            break;
          case 2:
            doc.source = std::string(value);
            break;
          case 3:
            doc.url = std::string(value);
            break;
          case 4:
            doc.language = LanguageCode(value);
            break;
          case 5:
            if (!value.empty()) doc.id = std::string(value);
            break;
        }
      }
    } else {
      body = 0;
    }
  }
  doc.text = bytes.substr(body);
  if (TrimView(doc.text).empty()) {
    return Status::InvalidArgument(std::string(name) + ": document '" + doc.id + "' has no text");
  }
  if (doc.text.size() > options.max_document_bytes) {
    return Status::InvalidArgument(TooLarge(name, doc.text.size(), options.max_document_bytes));
  }
  ResolvePublished(date, doc.url, &doc);
  return doc;
}

// ---------------------------------------------------------------------------
// HTML

bool TagIs(const GumboNode* n, GumboTag tag) {
  return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == tag;
}

const char* Attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a == nullptr ? nullptr : a->value;
}

bool DroppedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SVG:
      return true;
    default:
      return false;
  }
}

constexpr std::array<std::string_view, 13> kBoilerplateClassWords = {
    "nav",     "menu",   "share",      "social",  "subscribe", "newsletter", "related",
    "comment", "cookie", "breadcrumb", "sidebar", "footer",    "byline"};

// A dropped element: a boilerplate tag, or a class/id naming boilerplate. The
// containers that hold the article itself are never dropped for their class.
bool Dropped(const GumboNode* n) {
  if (n->type != GUMBO_NODE_ELEMENT) return false;
  const GumboTag tag = n->v.element.tag;
  if (DroppedTag(tag)) return true;
  if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN) {
    return false;
  }
  for (const char* attr : {"class", "id"}) {
    const char* v = Attr(n, attr);
    if (v == nullptr) continue;
    const std::string lower = LowerAscii(v);
    for (std::string_view w : kBoilerplateClassWords) {
      if (lower.find(w) != std::string::npos) return true;
    }
  }
  return false;
}

bool IsBlock(GumboTag tag) {
  return tag == GUMBO_TAG_P || tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 ||
         tag == GUMBO_TAG_LI;
}

// Appends `s` with runs of whitespace collapsed to one space.
void AppendCollapsed(std::string_view s, std::string* out) {
  for (char c : s) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (space) {
      if (!out->empty() && out->back() != ' ') out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
}

// The visible text under `root`, whitespace collapsed. Iterative: the input
// controls the depth of the tree.
std::string TextOf(const GumboNode* root) {
  std::string out;
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
      AppendCollapsed(n->v.text.text, &out);
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT || Dropped(n)) continue;
    if (TagIs(n, GUMBO_TAG_BR) && !out.empty() && out.back() != ' ') out.push_back(' ');
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i > 0; --i)
      stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
  }
  return std::string(TrimView(out));
}

// "Lire aussi : ...", "Read more", "Partager sur Facebook": links and calls to
// action, not article text.
bool BoilerplateParagraph(std::string_view p) {
  struct Phrase {
    std::string_view text;
    size_t max_len;  // only paragraphs up to this length are dropped
  };
  static constexpr std::array<Phrase, 16> kPhrases = {{
      {"lire aussi", 400},
      {"lire plus", 400},
      {"à lire aussi", 400},
      {"a lire aussi", 400},
      {"voir aussi", 400},
      {"read more", 400},
      {"read also", 400},
      {"see also", 400},
      {"abonnez-vous", 200},
      {"suivez-nous", 200},
      {"subscribe", 200},
      {"follow us", 200},
      {"partager", 120},
      {"share", 120},
      {"newsletter", 200},
      {"lire la suite", 400},
  }};
  // Lower ASCII and the capital À (C3 80) so "À lire aussi" matches.
  std::string lower = LowerAscii(p.substr(0, 64));
  if (lower.size() >= 2 && static_cast<unsigned char>(lower[0]) == 0xC3 &&
      static_cast<unsigned char>(lower[1]) == 0x80) {
    lower[1] = static_cast<char>(0xA0);
  }
  for (const Phrase& ph : kPhrases) {
    if (lower.size() < ph.text.size() || lower.compare(0, ph.text.size(), ph.text) != 0) continue;
    if (p.size() > ph.max_len) continue;
    // A whole word: "Shares fell" is news, "Share on X" is not.
    const char next = lower.size() > ph.text.size() ? lower[ph.text.size()] : ' ';
    if ((next >= 'a' && next <= 'z') || static_cast<unsigned char>(next) >= 0x80) continue;
    // "Share" family: a short call to action, not a sentence.
    if (ph.max_len <= 200 && !p.empty() && p.back() == '.' && p.size() > 60) continue;
    return true;
  }
  return false;
}

// Collects the paragraphs under `root` (skipping dropped subtrees).
void CollectBlocks(const GumboNode* root, std::vector<std::string>* out) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT || Dropped(n)) continue;
    if (IsBlock(n->v.element.tag)) {
      std::string t = TextOf(n);
      if (!t.empty() && !BoilerplateParagraph(t)) out->push_back(std::move(t));
      continue;
    }
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i > 0; --i)
      stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
  }
}

struct HtmlScan {
  const GumboNode* title = nullptr;
  const GumboNode* article = nullptr;
  const GumboNode* main = nullptr;
  const GumboNode* body = nullptr;
  std::string lang;
  std::string published;
  std::string url;
  std::string site;
};

void ScanHtml(const GumboNode* root, HtmlScan* scan) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    switch (n->v.element.tag) {
      case GUMBO_TAG_HTML:
        if (const char* lang = Attr(n, "lang")) scan->lang = lang;
        break;
      case GUMBO_TAG_TITLE:
        if (scan->title == nullptr) scan->title = n;
        break;
      case GUMBO_TAG_ARTICLE:
        if (scan->article == nullptr) scan->article = n;
        break;
      case GUMBO_TAG_MAIN:
        if (scan->main == nullptr) scan->main = n;
        break;
      case GUMBO_TAG_BODY:
        if (scan->body == nullptr) scan->body = n;
        break;
      case GUMBO_TAG_META: {
        const char* key = Attr(n, "property");
        if (key == nullptr) key = Attr(n, "name");
        if (key == nullptr) key = Attr(n, "itemprop");
        const char* content = Attr(n, "content");
        if (key == nullptr || content == nullptr) break;
        const std::string k = LowerAscii(key);
        if ((k == "article:published_time" || k == "date" || k == "datepublished" || k == "dc.date" ||
             k == "pubdate") &&
            scan->published.empty()) {
          scan->published = content;
        } else if (k == "og:url" && scan->url.empty()) {
          scan->url = content;
        } else if (k == "og:site_name" && scan->site.empty()) {
          scan->site = content;
        }
        break;
      }
      default:
        break;
    }
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i > 0; --i)
      stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
  }
}

// gumbo's tree building slows down quadratically with nesting depth, and the
// input controls that depth. This estimates it from the tags (elements whose
// end tag may be omitted and void elements are not counted) so that hostile
// input is refused before parsing. Generous: real pages nest < 100 deep.
constexpr size_t kMaxHtmlDepth = 2000;

size_t ApproxMaxDepth(std::string_view html) {
  static constexpr std::array<std::string_view, 30> kUncounted = {
      "p",     "li",    "dt",       "dd",   "tr",  "td",    "th",    "option", "optgroup", "thead",
      "tbody", "tfoot", "colgroup", "rp",   "rt",  "br",    "img",   "meta",   "link",     "input",
      "hr",    "wbr",   "source",   "area", "col", "embed", "param", "track",  "base",     "html"};
  size_t depth = 0, max_depth = 0;
  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    ++pos;
    const bool closing = pos < html.size() && html[pos] == '/';
    if (closing) ++pos;
    size_t start = pos;
    while (pos < html.size() &&
           ((html[pos] >= 'a' && html[pos] <= 'z') || (html[pos] >= 'A' && html[pos] <= 'Z') ||
            (pos > start && html[pos] >= '0' && html[pos] <= '9'))) {
      ++pos;
    }
    if (pos == start || pos - start > 10) continue;
    const std::string name = LowerAscii(html.substr(start, pos - start));
    if (std::find(kUncounted.begin(), kUncounted.end(), name) != kUncounted.end()) continue;
    if (closing) {
      if (depth > 0) --depth;
      continue;
    }
    const size_t gt = html.find('>', pos);
    if (gt != std::string_view::npos && gt > 0 && html[gt - 1] == '/') continue;  // <x/>
    max_depth = std::max(max_depth, ++depth);
  }
  return max_depth;
}

Result<Document> ParseHtml(std::string_view name, std::string bytes, const ReadOptions& options) {
  Document doc;
  doc.origin = std::string(name);
  doc.id = BaseNameNoExt(name);
  ENTENTE_RETURN_IF_ERROR(DecodeText(name, &bytes, &doc.warnings));
  if (ApproxMaxDepth(bytes) > kMaxHtmlDepth) {
    return Status::InvalidArgument(std::string(name) + ": HTML nested more than " +
                                   std::to_string(kMaxHtmlDepth) + " elements deep; refused");
  }
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, bytes.data(), bytes.size());
  if (out == nullptr) return Status::InvalidArgument(std::string(name) + ": HTML could not be parsed");
  HtmlScan scan;
  ScanHtml(out->root, &scan);
  if (scan.title != nullptr) doc.title = TextOf(scan.title);
  doc.language = LanguageCode(scan.lang);
  doc.url = std::string(TrimView(scan.url));
  doc.source = std::string(TrimView(scan.site));
  std::vector<std::string> paragraphs;
  for (const GumboNode* root : {scan.article, scan.main, scan.body}) {
    if (root == nullptr) continue;
    CollectBlocks(root, &paragraphs);
    if (!paragraphs.empty()) break;
  }
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (i > 0) doc.text.push_back('\n');
    doc.text += paragraphs[i];
  }
  if (doc.text.empty()) {
    return Status::InvalidArgument(std::string(name) + ": document '" + doc.id + "' has no text");
  }
  if (doc.text.size() > options.max_document_bytes) {
    return Status::InvalidArgument(TooLarge(name, doc.text.size(), options.max_document_bytes));
  }
  ResolvePublished(scan.published, doc.url, &doc);
  return doc;
}

// ---------------------------------------------------------------------------
// JSON Lines

// Reads one line (without the '\n') into `line`, keeping at most `max` bytes;
// `length` gets the full length. False at the end of input.
bool ReadLineBounded(std::istream& in, size_t max, std::string* line, size_t* length) {
  line->clear();
  *length = 0;
  bool any = false;
  char buf[1 << 16];
  while (true) {
    in.getline(buf, sizeof buf);
    const size_t n = static_cast<size_t>(in.gcount());
    const bool fail = in.fail();
    const bool eof = in.eof();
    // With no failure and no EOF, the delimiter was extracted and counted.
    const size_t stored = (!fail && !eof) ? n - 1 : n;
    if (n > 0) any = true;
    *length += stored;
    if (*length <= max) line->append(buf, stored);
    if (!fail) return true;  // a whole line (the last one may lack '\n')
    if (eof) return any;     // end of input
    in.clear();              // buffer full: the line goes on
  }
}

std::string JsonReason(const std::exception& e) {
  std::string what = e.what();
  // "[json.exception.parse_error.101] parse error at ..." → "parse error at ..."
  if (!what.empty() && what[0] == '[') {
    size_t close = what.find("] ");
    if (close != std::string::npos) what = what.substr(close + 2);
  }
  return what;
}

Result<Document> ParseJsonLine(std::string_view name, size_t line_no, std::string line,
                               const ReadOptions& options) {
  const std::string where = std::string(name) + ":" + std::to_string(line_no);
  Document doc;
  doc.origin = where;
  if (line_no == 1 && std::string_view(line).substr(0, kBom.size()) == kBom) line.erase(0, kBom.size());
  if (LooksBinary(line)) return Status::InvalidArgument(where + ": binary data, not text");
  size_t bad = 0;
  if (!IsValidUtf8(line, &bad)) {
    line = Windows1252ToUtf8(line);
    doc.warnings.push_back(std::string(kConvertedWarning) + " (invalid UTF-8 at byte " + std::to_string(bad) +
                           " of the line)");
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidArgument(where + ": not JSON: " + JsonReason(e));
  }
  if (!j.is_object()) return Status::InvalidArgument(where + ": not a JSON object");

  // id: a string or a number; the file and line when absent.
  doc.id = BaseName(name) + ":" + std::to_string(line_no);
  if (auto it = j.find("id"); it != j.end() && !it->is_null()) {
    if (it->is_string() && !it->get_ref<const std::string&>().empty()) {
      doc.id = it->get<std::string>();
    } else if (it->is_number_integer()) {
      doc.id = it->dump();
    } else if (!it->is_string()) {
      return Status::InvalidArgument(where + ": \"id\" is not a string or an integer");
    }
  }
  const std::string label = where + ": document '" + doc.id + "'";
  auto get_string = [&](const char* key, std::string* out) -> Status {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return Status::Ok();
    if (!it->is_string()) return Status::InvalidArgument(label + ": \"" + key + "\" is not a string");
    *out = it->get<std::string>();
    return Status::Ok();
  };
  ENTENTE_RETURN_IF_ERROR(get_string("text", &doc.text));
  if (TrimView(doc.text).empty()) return Status::InvalidArgument(label + " has no text");
  if (doc.text.size() > options.max_document_bytes) {
    return Status::InvalidArgument(TooLarge(where, doc.text.size(), options.max_document_bytes));
  }
  ENTENTE_RETURN_IF_ERROR(get_string("url", &doc.url));
  ENTENTE_RETURN_IF_ERROR(get_string("source", &doc.source));
  ENTENTE_RETURN_IF_ERROR(get_string("title", &doc.title));
  std::string lang;
  ENTENTE_RETURN_IF_ERROR(get_string("language", &lang));
  doc.language = LanguageCode(lang);
  std::string published;
  if (Status st = get_string("published", &published); !st.ok()) {
    doc.warnings.push_back("\"published\" is not a string; ignored");
  }
  ResolvePublished(published, doc.url, &doc);
  return doc;
}

Status ReadJsonl(std::istream& in, std::string_view name, size_t lines_before, const ReadOptions& options,
                 const DocumentSink& sink) {
  std::string line;
  size_t length = 0;
  size_t line_no = lines_before;
  while (ReadLineBounded(in, options.max_document_bytes, &line, &length)) {
    ++line_no;
    if (length > options.max_document_bytes) {
      sink(Status::InvalidArgument(std::string(name) + ":" + std::to_string(line_no) + ": line of " +
                                   std::to_string(length) + " bytes exceeds the limit of " +
                                   std::to_string(options.max_document_bytes) + " bytes; skipped"));
      continue;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (TrimView(line).empty()) continue;
    sink(ParseJsonLine(name, line_no, std::move(line), options));
    line = std::string();
  }
  if (in.bad()) return Status::IoError(std::string(name) + ": read error");
  return Status::Ok();
}

// Reads the rest of `in` into `out`, keeping at most `max` bytes; returns the
// total length (more than `max` means `out` is incomplete).
size_t ReadAllBounded(std::istream& in, size_t max, std::string* out) {
  char buf[1 << 16];
  size_t total = out->size();
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    const size_t n = static_cast<size_t>(in.gcount());
    if (total + n <= max) out->append(buf, n);
    total += n;
  }
  return total;
}

Status ReadWhole(std::istream& in, std::string_view name, InputFormat format, const ReadOptions& options,
                 const DocumentSink& sink, std::string prefix) {
  // HTML carries markup around the text: allow a larger file than the text limit.
  const size_t file_limit = format == InputFormat::kHtml
                                ? std::max(options.max_document_bytes, options.max_document_bytes * 4)
                                : options.max_document_bytes;
  std::string bytes = std::move(prefix);
  const size_t total = ReadAllBounded(in, file_limit, &bytes);
  if (in.bad()) return Status::IoError(std::string(name) + ": read error");
  if (total > file_limit) {
    sink(Status::InvalidArgument(TooLarge(name, total, options.max_document_bytes)));
    return Status::Ok();
  }
  if (format == InputFormat::kHtml) {
    sink(ParseHtml(name, std::move(bytes), options));
  } else {
    sink(ParsePlainText(name, std::move(bytes), options));
  }
  return Status::Ok();
}

}  // namespace

Status ReadStream(std::istream& in, std::string_view name, InputFormat format, const ReadOptions& options,
                  const DocumentSink& sink) {
  std::string prefix;
  if (format == InputFormat::kAuto && BaseName(name).find('.') != std::string::npos) {
    format = FormatFromName(name);  // a file name with an extension decides
  }
  if (format == InputFormat::kAuto) {
    // Standard input and the like: peek at the first non-space byte, keeping
    // what was consumed.
    int c;
    while ((c = in.peek()) != std::char_traits<char>::eof() &&
           (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      prefix.push_back(static_cast<char>(in.get()));
    }
    format = c == '{' ? InputFormat::kJsonl : InputFormat::kText;
  }
  if (format == InputFormat::kJsonl) {
    // The consumed prefix holds only blank lines: count them so that line
    // numbers stay right.
    const size_t skipped = static_cast<size_t>(std::count(prefix.begin(), prefix.end(), '\n'));
    return ReadJsonl(in, name, skipped, options, sink);
  }
  return ReadWhole(in, name, format, options, sink, std::move(prefix));
}

Status ReadPath(const std::string& path, const ReadOptions& options, const DocumentSink& sink) {
  if (path == "-") {
    return ReadStream(std::cin, "stdin", options.format, options, sink);
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Status::InvalidArgument(path + ": is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open (no such file or not readable)");
  InputFormat format = options.format == InputFormat::kAuto ? FormatFromName(path) : options.format;
  return ReadStream(in, path, format, options, sink);
}

}  // namespace entente
