// A deterministic generator of French news-style articles for the benchmark.
//
// The articles are built from entente's own sentence templates with varied
// actors, places, dates and verbs. The same seed always gives the same
// sequence of articles, on every platform: the generator uses its own PRNG
// (SplitMix64) and no library distribution.
//
//   CorpusGenerator gen(/*seed=*/20240314);
//   while (bytes < limit) { Document doc = gen.Next(); ... }
//
// Thread safety: one generator per thread.
#ifndef ENTENTE_BENCH_CORPUS_GEN_H_
#define ENTENTE_BENCH_CORPUS_GEN_H_

#include <cstdint>
#include <string>

#include "entente/document.h"

namespace entente::bench {

// SplitMix64: small, fast, and fully specified, so the corpus is the same on
// every compiler and standard library.
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // A number in [0, n). REQUIRES: n > 0.
  uint64_t Below(uint64_t n) { return Next() % n; }

 private:
  uint64_t state_;
};

class CorpusGenerator {
 public:
  explicit CorpusGenerator(uint64_t seed) : rng_(seed) {}

  // The next article: id "bench-NNNNNNN", language "fr", a publication date
  // between 2022 and 2024, a title and a body of a few paragraphs.
  Document Next();

  // How many articles Next() has returned.
  uint64_t count() const { return count_; }

 private:
  std::string Sentence(const Date& published, int country_a, int country_b);
  std::string Leader(int country);

  SplitMix64 rng_;
  uint64_t count_ = 0;
  uint32_t mentioned_ = 0;  // countries whose leader the current article has named in full
};

// FNV-1a, 64 bits, continued from `hash` (start with kFnvOffset).
inline constexpr uint64_t kFnvOffset = 0xCBF29CE484222325ULL;
inline uint64_t Fnv1a(uint64_t hash, const std::string& bytes) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001B3ULL;
  }
  return hash;
}

}  // namespace entente::bench

#endif  // ENTENTE_BENCH_CORPUS_GEN_H_
