// Hunspell morphology behind a memo table (see lemmatizer.h).
#include "text/lemmatizer.h"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <hunspell/hunspell.hxx>

#include <array>
#include <filesystem>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "text/segment.h"

namespace entente {
namespace {

// Memo entries kept at most; past this, results live in a small per-thread
// ring (see Analyze()).
constexpr size_t kMaxCacheEntries = 200000;
// Words longer than this are not analyzed (hunspell's own limit is 100).
constexpr size_t kMaxWordBytes = 100;
constexpr size_t kRingSize = 1024;

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

bool StartsWithLetter(std::string_view w) {
  if (w.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(w.data()), i, static_cast<int32_t>(w.size()), c);
  return c >= 0 && u_isalpha(c);
}

bool SetPerson(std::string_view tag, Analysis* a) {
  // "3sg", "1pl", "1jsg" (first person with an inverted subject), "3pl!".
  while (!tag.empty() && tag.back() == '!') tag.remove_suffix(1);
  if (tag.size() < 3 || tag[0] < '1' || tag[0] > '3') return false;
  std::string_view num = tag.substr(tag.size() - 2);
  if (num != "sg" && num != "pl") return false;
  a->person = tag[0] - '0';
  if (num == "pl") a->plural = true;
  return true;
}

Analysis Parse(std::string_view morph) {
  Analysis a;
  size_t pos = 0;
  while (pos < morph.size()) {
    size_t sp = morph.find_first_of(" \t", pos);
    if (sp == std::string_view::npos) sp = morph.size();
    std::string_view field = morph.substr(pos, sp - pos);
    pos = sp + 1;
    if (field.size() < 4 || field[2] != ':') continue;
    std::string_view key = field.substr(0, 2);
    std::string_view val = field.substr(3);
    if (key == "st") {
      a.lemma = NormText(val);
    } else if (key == "po") {
      if (val.size() >= 2 && val[0] == 'v' && val[1] >= '0' && val[1] <= '9') {
        a.verb = true;
      } else if (val == "nom") {
        a.noun = true;
      } else if (val == "adj") {
        a.adjective = true;
      } else if (val == "ppas") {
        a.participle_past = true;
      } else if (val == "ppre") {
        a.participle_present = true;
      } else if (val == "infi") {
        a.infinitive = true;
      } else if (val == "ipre") {
        a.present = true;
      } else if (val == "iimp") {
        a.imperfect = true;
      } else if (val == "ipsi") {
        a.simple_past = true;
      } else if (val == "ifut") {
        a.future = true;
      } else if (val == "cond") {
        a.conditional = true;
      } else if (val == "spre" || val == "simp") {
        a.subjunctive = true;
      } else {
        SetPerson(val, &a);
      }
    } else if (key == "is") {
      if (val == "fem") {
        a.feminine = true;
      } else if (val == "pl") {
        a.plural = true;
      } else {
        SetPerson(val, &a);
      }
    } else if (key == "fl") {
      // English dictionaries give affix flags only: D = -ed, G = -ing.
      if (val == "D") {
        a.verb = a.participle_past = a.simple_past = true;
      } else if (val == "G") {
        a.verb = a.participle_present = true;
      }
    }
  }
  return a;
}

}  // namespace

struct Lemmatizer::Impl {
  std::unique_ptr<Hunspell> hunspell;  // guarded by hunspell_mu
  UConverter* converter = nullptr;     // dictionary encoding when not UTF-8; guarded by hunspell_mu
  std::mutex hunspell_mu;
  bool english = false;  // try the American spelling of a British doubled l ("travelled" → "traveled")
  std::shared_mutex cache_mu;
  std::unordered_map<std::string, std::unique_ptr<const std::vector<Analysis>>, StringHash, std::equal_to<>>
      cache;

  ~Impl() {
    if (converter != nullptr) ucnv_close(converter);
  }

  // UTF-8 <-> dictionary encoding. REQUIRES: hunspell_mu held.
  std::string ToDic(std::string_view utf8) {
    if (converter == nullptr) return std::string(utf8);
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    UErrorCode err = U_ZERO_ERROR;
    std::string out(static_cast<size_t>(u.length()) * 4 + 4, '\0');
    int32_t len = u.extract(out.data(), static_cast<int32_t>(out.size()), converter, err);
    if (U_FAILURE(err)) return {};
    out.resize(static_cast<size_t>(len));
    return out;
  }
  std::string FromDic(const std::string& s) {
    if (converter == nullptr) return s;
    UErrorCode err = U_ZERO_ERROR;
    icu::UnicodeString u(s.data(), static_cast<int32_t>(s.size()), converter, err);
    std::string out;
    if (U_SUCCESS(err)) u.toUTF8String(out);
    return out;
  }

  std::vector<Analysis> Compute(std::string_view word);
};

std::vector<Analysis> Lemmatizer::Impl::Compute(std::string_view word) {
  std::vector<Analysis> out;
  std::lock_guard<std::mutex> lock(hunspell_mu);
  std::string w = ToDic(word);
  if (w.empty()) return out;
  std::vector<std::string> morphs = hunspell->analyze(w);
  if (morphs.empty() && w.find('\'') != std::string::npos) {
    // The French dictionary spells apostrophes typographically.
    std::string typo;
    for (char c : std::string(word)) typo += c == '\'' ? std::string("\xE2\x80\x99") : std::string(1, c);
    w = ToDic(typo);
    if (!w.empty()) morphs = hunspell->analyze(w);
  }
  if (morphs.empty() && english) {
    // British spelling doubles a final l before -ed and -ing ("travelled", "cancelling", "signalled"); the
    // American dictionary knows the single-l form.
    for (std::string_view suffix : {std::string_view("lled"), std::string_view("lling")}) {
      if (w.size() > suffix.size() + 2 && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0) {
        std::string single = w.substr(0, w.size() - suffix.size() + 1) + std::string(suffix.substr(2));
        morphs = hunspell->analyze(single);
        break;
      }
    }
  }
  for (const std::string& m : morphs) {
    Analysis a = Parse(FromDic(m));
    if (a.lemma.empty()) continue;
    out.push_back(std::move(a));
  }
  if (out.empty() && !morphs.empty()) {
    for (const std::string& s : hunspell->stem(w)) {
      Analysis a;
      a.lemma = NormText(FromDic(s));
      if (!a.lemma.empty()) out.push_back(std::move(a));
    }
  }
  // Drop exact duplicates (hunspell repeats some analyses).
  std::vector<Analysis> uniq;
  for (Analysis& a : out) {
    bool dup = false;
    for (const Analysis& b : uniq) {
      dup =
          dup || (a.lemma == b.lemma && a.verb == b.verb && a.noun == b.noun && a.adjective == b.adjective &&
                  a.participle_past == b.participle_past && a.participle_present == b.participle_present &&
                  a.infinitive == b.infinitive && a.present == b.present && a.imperfect == b.imperfect &&
                  a.simple_past == b.simple_past && a.future == b.future && a.conditional == b.conditional &&
                  a.subjunctive == b.subjunctive && a.plural == b.plural && a.feminine == b.feminine &&
                  a.person == b.person);
    }
    if (!dup) uniq.push_back(std::move(a));
  }
  for (Analysis& a : uniq) a.lemma_fold = FoldText(a.lemma);
  return uniq;
}

Lemmatizer::Lemmatizer() : impl_(std::make_unique<Impl>()) {}
Lemmatizer::~Lemmatizer() = default;

Result<std::unique_ptr<Lemmatizer>> Lemmatizer::Create(const std::string& dict_dir, const std::string& lang) {
  std::vector<std::string> names = {lang};
  if (lang == "en") names = {"en_US", "en_GB", "en"};
  if (lang == "fr") names = {"fr", "fr_FR"};
  std::string aff, dic;
  for (const std::string& name : names) {
    if (name.empty() || name.find('/') != std::string::npos) continue;
    std::error_code ec;
    std::string base = dict_dir;
    base += '/';
    base += name;
    if (std::filesystem::is_regular_file(base + ".aff", ec) &&
        std::filesystem::is_regular_file(base + ".dic", ec)) {
      aff = base + ".aff";
      dic = base + ".dic";
      break;
    }
  }
  if (aff.empty()) {
    return Status::NotFound("no hunspell dictionary for '" + lang + "' in " + dict_dir + " (want " + lang +
                            ".aff and " + lang + ".dic)");
  }
  std::unique_ptr<Lemmatizer> lem(new Lemmatizer());
  lem->impl_->hunspell = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
  lem->impl_->english = lang == "en" || lang.rfind("en_", 0) == 0;
  const char* enc = lem->impl_->hunspell->get_dic_encoding();
  std::string encoding = enc != nullptr ? enc : "";
  if (encoding != "UTF-8" && encoding != "utf-8" && !encoding.empty()) {
    UErrorCode err = U_ZERO_ERROR;
    lem->impl_->converter = ucnv_open(encoding.c_str(), &err);
    if (U_FAILURE(err)) {
      return Status::DataError(aff + ": unsupported dictionary encoding '" + encoding + "'");
    }
  }
  return lem;
}

const std::vector<Analysis>& Lemmatizer::Analyze(std::string_view word) const {
  static const std::vector<Analysis> kNone;
  if (word.size() > kMaxWordBytes || !StartsWithLetter(word)) return kNone;
  Impl& impl = *impl_;
  {
    std::shared_lock<std::shared_mutex> lock(impl.cache_mu);
    auto it = impl.cache.find(word);
    if (it != impl.cache.end()) return it->second ? *it->second : kNone;
  }
  std::vector<Analysis> result = impl.Compute(word);
  {
    std::unique_lock<std::shared_mutex> lock(impl.cache_mu);
    auto it = impl.cache.find(word);
    if (it != impl.cache.end()) return it->second ? *it->second : kNone;
    if (impl.cache.size() < kMaxCacheEntries) {
      std::unique_ptr<const std::vector<Analysis>> value;
      if (!result.empty()) value = std::make_unique<const std::vector<Analysis>>(std::move(result));
      const std::vector<Analysis>* p = value.get();
      impl.cache.emplace(std::string(word), std::move(value));
      return p ? *p : kNone;
    }
  }
  // The memo is full: keep the result in a per-thread ring, valid for the
  // next kRingSize misses on this thread.
  if (result.empty()) return kNone;
  thread_local std::array<std::vector<Analysis>, kRingSize> ring;
  thread_local size_t next = 0;
  std::vector<Analysis>& slot = ring[next];
  next = (next + 1) % kRingSize;
  slot = std::move(result);
  return slot;
}

}  // namespace entente
