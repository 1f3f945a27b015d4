// Normalization: NormText, FoldText and Normalize (see segment.h, language.h).
//
// Everything here uses ICU's Normalizer2 singletons and case mapping, which
// are immutable and thread-safe, so no per-call ICU object is created and no
// lock is taken. Accent folding is "NFD; remove [:Nonspacing Mark:]; NFC" done
// with those same singletons, plus the few letters that do not decompose
// (œ, æ, ß, ø, đ, ł, ı, þ, ð).
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <string>

#include "text/language.h"
#include "text/segment.h"
#include "text/text_internal.h"

namespace entente {
namespace internal {

int32_t UnifyChar(int32_t c) {
  if (c < 0x80) return c == '`' ? '\'' : c;
  switch (c) {
    case 0x2019:  // ’
    case 0x2018:  // ‘
    case 0x02BC:  // ʼ
    case 0x2032:  // ′
      return '\'';
    case 0x2010:  // ‐
    case 0x2011:  // ‑
    case 0x2012:  // ‒
    case 0x2013:  // –
    case 0x2014:  // —
    case 0x2015:  // ―
    case 0x2212:  // −
      return '-';
    case 0x00AB:  // «
    case 0x00BB:  // »
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x201E:  // „
    case 0x201F:  // ‟
      return '"';
    case 0x00AD:  // soft hyphen
    case 0x200B:  // zero-width space
    case 0x200C:  // zero-width non-joiner
    case 0x200D:  // zero-width joiner
    case 0x2060:  // word joiner
    case 0xFEFF:  // byte order mark
      return -1;
    default:
      break;
  }
  if (u_charType(c) == U_SPACE_SEPARATOR) return ' ';
  return c;
}

namespace {

const icu::Normalizer2* Nfc() {
  UErrorCode err = U_ZERO_ERROR;
  static const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  return nfc;
}

const icu::Normalizer2* Nfd() {
  UErrorCode err = U_ZERO_ERROR;
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  return nfd;
}

// UTF-8 to UTF-16 with UnifyChar applied.
icu::UnicodeString UnifiedUtf16(std::string_view s) {
  icu::UnicodeString u;
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) c = 0xFFFD;
    c = UnifyChar(c);
    if (c >= 0) u.append(c);
  }
  return u;
}

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace

std::string IcuNormText(std::string_view utf8) {
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString u = Nfc()->normalize(UnifiedUtf16(utf8), err);
  if (U_FAILURE(err)) u = UnifiedUtf16(utf8);
  u.toLower(icu::Locale::getRoot());
  return ToUtf8(u);
}

std::string FoldNormalized(std::string_view norm) {
  if (IsAscii(norm)) return std::string(norm);
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(norm.data(), static_cast<int32_t>(norm.size())));
  icu::UnicodeString d = Nfd()->normalize(u, err);
  if (U_FAILURE(err)) return std::string(norm);
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    switch (c) {
      case 0x0153:
        stripped.append(u"oe");
        break;  // œ
      case 0x0152:
        stripped.append(u"OE");
        break;
      case 0x00E6:
        stripped.append(u"ae");
        break;  // æ
      case 0x00C6:
        stripped.append(u"AE");
        break;
      case 0x00DF:
        stripped.append(u"ss");
        break;  // ß
      case 0x1E9E:
        stripped.append(u"SS");
        break;
      case 0x00F8:
        stripped.append(u'o');
        break;  // ø
      case 0x00D8:
        stripped.append(u'O');
        break;
      case 0x0111:
        stripped.append(u'd');
        break;  // đ
      case 0x0110:
        stripped.append(u'D');
        break;
      case 0x0142:
        stripped.append(u'l');
        break;  // ł
      case 0x0141:
        stripped.append(u'L');
        break;
      case 0x0131:
        stripped.append(u'i');
        break;  // ı
      case 0x00FE:
        stripped.append(u"th");
        break;  // þ
      case 0x00F0:
        stripped.append(u'd');
        break;  // ð
      default:
        stripped.append(c);
        break;
    }
  }
  icu::UnicodeString out = Nfc()->normalize(stripped, err);
  if (U_FAILURE(err)) return std::string(norm);
  return ToUtf8(out);
}

namespace {

// Per-code-point norm and fold for the Latin blocks (U+0080..U+024F) and
// General Punctuation (U+2000..U+206F), computed once with the ICU path
// above. A string made only of ASCII and these code points is normalized by
// concatenation, which gives the same result as the ICU path because none of
// them composes with a neighbour (checked when the table is built).
struct FastEntry {
  bool ok = false;
  std::string norm;
  std::string fold;
};

class FastTable {
 public:
  FastTable() {
    for (UChar32 c = 0x80; c < 0x250; ++c) Fill(c, &latin_[c - 0x80]);
    for (UChar32 c = 0x2000; c < 0x2070; ++c) Fill(c, &punct_[c - 0x2000]);
  }
  const FastEntry* Find(UChar32 c) const {
    if (c >= 0x80 && c < 0x250) return &latin_[c - 0x80];
    if (c >= 0x2000 && c < 0x2070) return &punct_[c - 0x2000];
    return nullptr;
  }

 private:
  static void Fill(UChar32 c, FastEntry* e) {
    const icu::Normalizer2* nfc = Nfc();
    // Only characters that never combine with what precedes them: then no
    // pair of table characters (or ASCII) composes under NFC.
    if (nfc == nullptr || !nfc->hasBoundaryBefore(c) || u_getCombiningClass(c) != 0) return;
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    std::string_view one(buf, static_cast<size_t>(len));
    UErrorCode err = U_ZERO_ERROR;
    icu::UnicodeString u = nfc->normalize(UnifiedUtf16(one), err);
    if (U_FAILURE(err)) return;
    u.toLower(icu::Locale::getRoot());
    e->norm = ToUtf8(u);
    e->fold = FoldNormalized(e->norm);
    e->ok = true;
  }
  std::array<FastEntry, 0x250 - 0x80> latin_;
  std::array<FastEntry, 0x2070 - 0x2000> punct_;
};

const FastTable& Fast() {
  static const FastTable* table = new FastTable();  // never destroyed: used until exit
  return *table;
}

}  // namespace

bool FastNormFold(std::string_view s, std::string* norm, std::string* fold) {
  const FastTable& table = Fast();
  norm->clear();
  if (fold != nullptr) fold->clear();
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      char c = static_cast<char>(p[i]);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c == '`') c = '\'';
      norm->push_back(c);
      if (fold != nullptr) fold->push_back(c);
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    const FastEntry* e = c < 0 ? nullptr : table.Find(c);
    if (e == nullptr || !e->ok) return false;
    norm->append(e->norm);
    if (fold != nullptr) fold->append(e->fold);
  }
  return true;
}

}  // namespace internal

std::string NormText(std::string_view utf8) {
  if (internal::IsAscii(utf8)) return internal::AsciiNorm(utf8);
  std::string fast;
  if (internal::FastNormFold(utf8, &fast, nullptr)) return fast;
  return internal::IcuNormText(utf8);
}

std::string FoldText(std::string_view utf8) {
  if (internal::IsAscii(utf8)) return internal::AsciiNorm(utf8);
  std::string norm, fold;
  if (internal::FastNormFold(utf8, &norm, &fold)) return fold;
  return internal::FoldNormalized(NormText(utf8));
}

Result<NormalizedText> Normalize(std::string_view original) {
  if (original.size() >= (uint64_t{1} << 32) - 1) return Status::InvalidArgument("text longer than 4 GiB");
  NormalizedText out;
  out.text.reserve(original.size());
  out.to_original.reserve(original.size() + 1);
  const icu::Normalizer2* nfc = internal::Nfc();
  if (nfc == nullptr) return Status::Internal("ICU NFC data unavailable");
  const uint8_t* p = reinterpret_cast<const uint8_t*>(original.data());
  const int32_t n = static_cast<int32_t>(original.size());
  // Walks normalization segments: [seg, i) starts at a code point with an NFC
  // boundary before it and runs up to the next such code point.
  int32_t i = 0;
  while (i < n) {
    int32_t seg = i;
    bool plain = true;  // segment needs neither unification nor normalization
    int32_t first = i;
    while (i < n) {
      int32_t at = i;
      UChar32 c;
      U8_NEXT(p, i, n, c);
      if (at != first && (c < 0 || nfc->hasBoundaryBefore(c))) {
        i = at;
        break;
      }
      if (c < 0) return Status::InvalidArgument("invalid UTF-8 at byte " + std::to_string(at));
      if (c >= 0x80 || c == '`') plain = false;
    }
    std::string_view piece = original.substr(seg, i - seg);
    if (plain) {
      for (int32_t k = seg; k < i; ++k) out.to_original.push_back(static_cast<uint32_t>(k));
      out.text.append(piece);
      continue;
    }
    UErrorCode err = U_ZERO_ERROR;
    icu::UnicodeString u = nfc->normalize(internal::UnifiedUtf16(piece), err);
    if (U_FAILURE(err)) return Status::Internal(std::string("ICU normalization failed: ") + u_errorName(err));
    std::string bytes = internal::ToUtf8(u);
    if (bytes == piece) {
      for (int32_t k = seg; k < i; ++k) out.to_original.push_back(static_cast<uint32_t>(k));
    } else {
      out.to_original.insert(out.to_original.end(), bytes.size(), static_cast<uint32_t>(seg));
    }
    out.text += bytes;
  }
  out.to_original.push_back(static_cast<uint32_t>(original.size()));
  return out;
}

}  // namespace entente
