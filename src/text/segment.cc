// Tokenizer and sentence splitter; see segment.h.
//
// The tokenizer is a single left-to-right scan over the UTF-8 bytes that
// classifies each code point with ICU's character properties (no UTF-16
// round trip, so offsets are exact byte offsets into the original). Letters
// and combining marks make words, decimal digits make numbers, every other
// visible code point is a token of its own. Sentences are then cut over the
// token stream with the rules documented in segment.h.
#include "text/segment.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <utility>

#include "common/tsv.h"
#include "text/text_internal.h"

namespace entente {
namespace {

// Hard cap on tokens per sentence: later stages do work per sentence that
// grows faster than linearly, so a text without any punctuation is cut.
constexpr uint32_t kMaxSentenceTokens = 1024;

enum class CharClass : uint8_t {
  kSpace,
  kNewline,
  kLetter,
  kMark,    // combining mark: continues a word
  kFormat,  // soft hyphen, zero-width joiners: continue a word, else ignored
  kDigit,
  kApostrophe,
  kPunct,
  kSymbol,
};

CharClass Classify(UChar32 c) {
  if (c < 0x80) {
    if (c == '\n' || c == '\r' || c == '\v' || c == '\f') return CharClass::kNewline;
    if (c == ' ' || c == '\t' || c < 0x20 || c == 0x7F) return CharClass::kSpace;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::kLetter;
    if (c >= '0' && c <= '9') return CharClass::kDigit;
    if (c == '\'' || c == '`') return CharClass::kApostrophe;
    if (c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '|' || c == '~') {
      return CharClass::kSymbol;
    }
    return CharClass::kPunct;
  }
  if (c < 0) return CharClass::kSymbol;  // invalid byte: a token of its own
  if (c == 0x85 || c == 0x2028 || c == 0x2029) return CharClass::kNewline;
  if (c == 0x2019 || c == 0x02BC || c == 0x2018) return CharClass::kApostrophe;
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
      return CharClass::kLetter;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
      return CharClass::kMark;
    case U_FORMAT_CHAR:
      return CharClass::kFormat;
    case U_DECIMAL_DIGIT_NUMBER:
      return CharClass::kDigit;
    case U_SPACE_SEPARATOR:
    case U_CONTROL_CHAR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
      return CharClass::kSpace;
    case U_MATH_SYMBOL:
    case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL:
    case U_OTHER_NUMBER:
    case U_LETTER_NUMBER:
      return CharClass::kSymbol;
    default:
      return u_isUWhiteSpace(c) ? CharClass::kSpace : CharClass::kPunct;
  }
}

struct Decoded {
  UChar32 cp;
  size_t next;
};

inline Decoded DecodeAt(std::string_view s, size_t i) {
  unsigned char b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return {b, i + 1};
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  return {c, static_cast<size_t>(pos)};
}

// Decodes the code point ending just before byte i (i > 0).
inline UChar32 DecodeBefore(std::string_view s, size_t i) {
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, pos, c);
  return c;
}

bool IsElisionPrefix(std::string_view word) {
  if (word.size() > 7) return false;
  char buf[8];
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(word[i]);
    if (b >= 0x80) return false;
    buf[i] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
  }
  std::string_view w(buf, word.size());
  static constexpr std::array<std::string_view, 14> kPrefixes = {
      "l", "d", "s", "n", "j", "m", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"};
  return std::find(kPrefixes.begin(), kPrefixes.end(), w) != kPrefixes.end();
}

enum class AbbrKind : uint8_t { kTitle, kAbbr };

bool IsTerminator(std::string_view s) {
  return s == "." || s == "!" || s == "?" || s == "\xE2\x80\xA6" /* … */ || s == "\xE2\x80\xBC" /* ‼ */ ||
         s == "\xE2\x81\x87" /* ⁇ */ || s == "\xE2\x81\x88" /* ⁈ */ || s == "\xE2\x81\x89" /* ⁉ */;
}

// Closing marks that belong to the sentence they follow, even after a space
// (French typography puts a space before "»").
bool IsClosing(std::string_view s) {
  return s == ")" || s == "]" || s == "}" || s == "\xC2\xBB" /* » */ || s == "\xE2\x80\x9D" /* ” */ ||
         s == "\xE2\x80\xBA" /* › */;
}

// Marks that close a sentence only when glued to the terminator.
bool IsAmbiguousQuote(std::string_view s) { return s == "\"" || s == "'" || s == "\xE2\x80\x99" /* ’ */; }

bool IsOpening(std::string_view s) {
  return s == "(" || s == "[" || s == "{" || s == "\xC2\xAB" /* « */ || s == "\xE2\x80\x9C" /* “ */ ||
         s == "\"" || s == "'" || s == "\xE2\x80\x98" /* ‘ */ || s == "\xE2\x80\x9E" /* „ */ || s == "/";
}

}  // namespace

struct Segmenter::Impl {
  bool elision = true;     // French elided articles
  bool possessive = true;  // English "'s"
  // Abbreviation text, always with its final period ("M.", "Mme.", "U.S.").
  std::unordered_map<std::string, AbbrKind> abbreviations;

  void Tokenize(std::string_view text, std::vector<Token>* tokens,
                std::vector<uint8_t>* newline_before) const;
  void Split(std::string_view text, const std::vector<Token>& tokens,
             const std::vector<uint8_t>& newline_before, std::vector<Sentence>* sentences) const;
  bool ShouldSplit(std::string_view text, const std::vector<Token>& tokens, uint32_t start, uint32_t term,
                   uint32_t next) const;
};

Segmenter::Segmenter() : impl_(std::make_unique<Impl>()) {}
Segmenter::~Segmenter() = default;

Result<std::unique_ptr<Segmenter>> Segmenter::Create(const std::string& data_dir, const std::string& lang) {
  std::unique_ptr<Segmenter> seg(new Segmenter());
  Impl& impl = *seg->impl_;
  if (lang == "fr") impl.possessive = false;
  if (lang == "en") impl.elision = false;
  bool plain_code = !lang.empty() && lang.size() <= 8 &&
                    std::all_of(lang.begin(), lang.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (!plain_code || data_dir.empty()) return seg;
  std::string path = data_dir + "/" + lang + "/abbreviations.tsv";
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return seg;
  ENTENTE_ASSIGN_OR_RETURN(TsvTable table, TsvTable::Read(path, {"abbreviation", "source"}));
  for (const TsvRow& row : table.rows()) {
    std::string abbr(row.Get("abbreviation"));
    std::string_view kind = row.Get("kind");
    AbbrKind k;
    if (kind.empty() || kind == "title") {
      k = AbbrKind::kTitle;
    } else if (kind == "abbr") {
      k = AbbrKind::kAbbr;
    } else {
      return row.Error("kind must be 'title' or 'abbr', not '" + std::string(kind) + "'");
    }
    if (abbr.empty() || abbr.find_first_of(" \t") != std::string::npos) {
      return row.Error("abbreviation is empty or has a space: '" + abbr + "'");
    }
    if (abbr.back() != '.') abbr += '.';
    impl.abbreviations[abbr] = k;
  }
  return seg;
}

void Segmenter::Impl::Tokenize(std::string_view text, std::vector<Token>* tokens,
                               std::vector<uint8_t>* newline_before) const {
  const size_t n = text.size();
  bool pending_newline = false;
  auto emit = [&](size_t b, size_t e, TokenKind kind, bool cap, bool elided) {
    Token t;
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    t.kind = kind;
    t.capitalized = cap;
    t.elided = elided;
    tokens->push_back(std::move(t));
    newline_before->push_back(pending_newline ? 1 : 0);
    pending_newline = false;
  };
  // "'s" followed by a non-letter, at byte i (the apostrophe).
  auto possessive_at = [&](size_t i) -> size_t {
    Decoded a = DecodeAt(text, i);
    if (a.next >= n || (text[a.next] != 's' && text[a.next] != 'S')) return 0;
    size_t after = a.next + 1;
    if (after < n) {
      CharClass c = Classify(DecodeAt(text, after).cp);
      if (c == CharClass::kLetter || c == CharClass::kMark || c == CharClass::kDigit) return 0;
    }
    return after;
  };

  size_t i = 0;
  while (i < n) {
    Decoded d = DecodeAt(text, i);
    CharClass cls = Classify(d.cp);
    switch (cls) {
      case CharClass::kNewline:
        pending_newline = true;
        i = d.next;
        break;
      case CharClass::kSpace:
      case CharClass::kFormat:
        i = d.next;
        break;
      case CharClass::kMark:  // a stray mark: glue to the previous word when adjacent
      case CharClass::kLetter: {
        if (cls == CharClass::kMark && !tokens->empty() && tokens->back().end == i &&
            tokens->back().kind == TokenKind::kWord && !tokens->back().elided) {
          tokens->back().end = static_cast<uint32_t>(d.next);
          i = d.next;
          break;
        }
        bool cap = u_isupper(d.cp) || u_istitle(d.cp);
        size_t e = d.next;
        bool elided = false;
        while (e < n) {
          Decoded x = DecodeAt(text, e);
          CharClass xc = Classify(x.cp);
          if (xc == CharClass::kLetter || xc == CharClass::kMark || xc == CharClass::kFormat) {
            e = x.next;
            continue;
          }
          if (xc != CharClass::kApostrophe) break;
          // An apostrophe: elision, possessive, or inside a word.
          bool letter_after = false;
          bool space_after = x.next >= n;
          if (x.next < n) {
            CharClass ac = Classify(DecodeAt(text, x.next).cp);
            letter_after = ac == CharClass::kLetter;
            space_after = ac == CharClass::kSpace || ac == CharClass::kNewline;
          }
          if (elision && (letter_after || space_after) && IsElisionPrefix(text.substr(i, e - i))) {
            e = x.next;
            elided = true;
            break;
          }
          if (possessive && possessive_at(e) != 0) break;
          if (letter_after) {
            e = x.next;
            continue;
          }
          break;
        }
        emit(i, e, TokenKind::kWord, cap, elided);
        i = e;
        break;
      }
      case CharClass::kDigit: {
        size_t e = d.next;
        while (e < n) {
          Decoded x = DecodeAt(text, e);
          if (Classify(x.cp) != CharClass::kDigit) break;
          e = x.next;
        }
        emit(i, e, TokenKind::kNumber, false, false);
        i = e;
        break;
      }
      case CharClass::kApostrophe: {
        size_t e = 0;
        if (possessive && !tokens->empty() && tokens->back().end == i &&
            tokens->back().kind == TokenKind::kWord) {
          e = possessive_at(i);
        }
        if (e != 0) {
          emit(i, e, TokenKind::kWord, false, false);
        } else {
          emit(i, d.next, TokenKind::kPunct, false, false);
          e = d.next;
        }
        i = e;
        break;
      }
      case CharClass::kPunct:
        emit(i, d.next, TokenKind::kPunct, false, false);
        i = d.next;
        break;
      case CharClass::kSymbol:
        emit(i, d.next, TokenKind::kSymbol, false, false);
        i = d.next;
        break;
    }
  }
}

bool Segmenter::Impl::ShouldSplit(std::string_view text, const std::vector<Token>& tokens, uint32_t start,
                                  uint32_t term, uint32_t next) const {
  const Token& nt = tokens[next];
  auto surface = [&](uint32_t k) { return text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin); };
  // Glued to what follows: "3.5", "www.example.org".
  if (tokens[next - 1].end == nt.begin) return false;
  std::string_view ns = surface(next);
  if (nt.kind == TokenKind::kWord && !nt.capitalized) {
    UChar32 c = DecodeAt(text, nt.begin).cp;
    if (u_islower(c)) return false;  // "etc. et", "? » a-t-il dit"
  }
  if (ns == "," || ns == ";" || ns == ":") return false;
  if (surface(term) != ".") return true;
  bool next_is_name = nt.kind == TokenKind::kWord && nt.capitalized;

  // The glued chunk that ends with the period: "M.", "U.S.", "J.-C.", "12.".
  uint32_t k = term;
  while (k > start && tokens[k - 1].end == tokens[k].begin && !tokens[k - 1].elided &&
         !IsOpening(surface(k - 1))) {
    --k;
  }
  if (k == term) return true;  // a period after a space
  std::string_view chunk = text.substr(tokens[k].begin, tokens[term].end - tokens[k].begin);
  auto it = abbreviations.find(std::string(chunk));
  if (it != abbreviations.end()) {
    if (it->second == AbbrKind::kTitle) return false;
    return next_is_name;
  }
  // Initials: "J.", "W.", "J.-P.", "U.S."; each part one letter and a period.
  bool initials = true;
  for (uint32_t j = k; j < term && initials;) {
    const Token& t = tokens[j];
    size_t len = t.end - t.begin;
    if (t.kind != TokenKind::kWord || DecodeAt(text, t.begin).next != t.begin + len || j + 1 > term ||
        surface(j + 1) != ".") {
      initials = false;
      break;
    }
    j += 2;
    if (j < term && surface(j) == "-") ++j;
  }
  if (initials) {
    UChar32 c = DecodeAt(text, tokens[k].begin).cp;
    if (u_isupper(c) && next_is_name) return false;
  }
  // A list number at the start of a sentence: "1. ".
  if (k + 1 == term && k == start && tokens[k].kind == TokenKind::kNumber &&
      tokens[k].end - tokens[k].begin <= 3) {
    return false;
  }
  return true;
}

void Segmenter::Impl::Split(std::string_view text, const std::vector<Token>& tokens,
                            const std::vector<uint8_t>& newline_before,
                            std::vector<Sentence>* sentences) const {
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  auto surface = [&](uint32_t k) { return text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin); };
  uint32_t start = 0;
  auto close = [&](uint32_t end) {
    if (end <= start) return;
    Sentence s;
    s.begin = tokens[start].begin;
    s.end = tokens[end - 1].end;
    s.first_token = start;
    s.last_token = end;
    sentences->push_back(s);
    start = end;
  };
  for (uint32_t i = 0; i < n; ++i) {
    if (i > start && (newline_before[i] || i - start >= kMaxSentenceTokens)) close(i);
    if (tokens[i].kind != TokenKind::kPunct || !IsTerminator(surface(i))) continue;
    // "[...]", "(?)": an omission or a doubt inside a sentence.
    if (i > 0 && tokens[i - 1].end == tokens[i].begin && (surface(i - 1) == "[" || surface(i - 1) == "(")) {
      while (i + 1 < n && tokens[i].end == tokens[i + 1].begin && IsTerminator(surface(i + 1))) ++i;
      continue;
    }
    uint32_t j = i + 1;
    while (j < n && !newline_before[j]) {
      std::string_view s = surface(j);
      bool glued = tokens[j - 1].end == tokens[j].begin;
      if ((IsTerminator(s) && glued) || IsClosing(s) || (IsAmbiguousQuote(s) && glued)) {
        ++j;
      } else {
        break;
      }
    }
    if (j < n && !newline_before[j] && ShouldSplit(text, tokens, start, i, j)) {
      close(j);
    }
    i = j - 1;
  }
  close(n);
}

Segmented Segmenter::Segment(std::string_view text) const {
  Segmented out;
  std::vector<uint8_t> newline_before;
  out.tokens.reserve(text.size() / 5 + 16);
  newline_before.reserve(text.size() / 5 + 16);
  impl_->Tokenize(text, &out.tokens, &newline_before);

  // Normalized forms; non-ASCII words are memoized per call.
  std::unordered_map<std::string_view, std::pair<std::string, std::string>> memo;
  for (Token& t : out.tokens) {
    std::string_view s = text.substr(t.begin, t.end - t.begin);
    if (internal::IsAscii(s)) {
      t.norm = internal::AsciiNorm(s);
      t.fold = t.norm;
      continue;
    }
    if (internal::FastNormFold(s, &t.norm, &t.fold)) continue;
    auto [it, inserted] = memo.try_emplace(s);
    if (inserted) {
      it->second.first = NormText(s);
      it->second.second = internal::FoldNormalized(it->second.first);
    }
    t.norm = it->second.first;
    t.fold = it->second.second;
  }
  impl_->Split(text, out.tokens, newline_before, &out.sentences);
  return out;
}

}  // namespace entente
