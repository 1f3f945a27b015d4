// Lemmas and morphology of words through hunspell (Debian's hunspell-fr).
//
//   auto lem = Lemmatizer::Create("/usr/share/hunspell", "fr");
//   for (const Analysis& a : (*lem)->Analyze("entretenu"))  // lemma "entretenir", verb, ppas
//
// Results are memoized; Analyze() is thread-safe (the cache and hunspell are
// behind a mutex; cache hits take a shared lock only). The memo holds at most
// 200,000 words; the reference Analyze() returns stays valid for the
// Lemmatizer's lifetime, except once the memo is full, when a new word's
// result lives in a per-thread ring and stays valid for the next 1024 new
// words on that thread (copy it if you keep it longer).
//
// Lemmas are normalized like Token::norm (apostrophes unified). For "en", the
// en_US dictionary has no part-of-speech tags: only -ed (participle_past,
// simple_past) and -ing (participle_present) forms are marked.
#ifndef ENTENTE_TEXT_LEMMATIZER_H_
#define ENTENTE_TEXT_LEMMATIZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "entente/status.h"

namespace entente {

struct Analysis {
  std::string lemma;  // "entretenir"
  std::string lemma_fold;  // the lemma folded as Token::fold ("reunion" for "réunion")
  bool verb = false;
  bool noun = false;
  bool adjective = false;
  // Verb forms, from hunspell's po: tags.
  bool participle_past = false;     // ppas
  bool participle_present = false;  // ppre
  bool infinitive = false;          // infi
  bool present = false;             // ipre
  bool imperfect = false;           // iimp
  bool simple_past = false;         // ipsi
  bool future = false;              // ifut
  bool conditional = false;         // cond
  bool subjunctive = false;         // spre/simp
  bool plural = false;              // is:pl
  bool feminine = false;            // is:fem
  int person = 0;                   // 1..3 when known
};

class Lemmatizer {
 public:
  // Loads <dict_dir>/<lang>.aff and .dic. Fails (NotFound) when absent.
  static Result<std::unique_ptr<Lemmatizer>> Create(const std::string& dict_dir, const std::string& lang);
  ~Lemmatizer();
  Lemmatizer(const Lemmatizer&) = delete;  // owns a hunspell instance
  Lemmatizer& operator=(const Lemmatizer&) = delete;

  // All analyses of a lower-case word; empty when hunspell does not know it.
  // Words that are not letters (numbers, punctuation) give nothing.
  const std::vector<Analysis>& Analyze(std::string_view word) const;

 private:
  Lemmatizer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace entente

#endif  // ENTENTE_TEXT_LEMMATIZER_H_
