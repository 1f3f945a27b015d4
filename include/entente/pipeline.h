// The extraction pipeline: a Document in, its events out.
//
//   auto p = Pipeline::Create({.data_dir = "data"});
//   if (!p.ok()) { std::cerr << p.status().ToString(); return 1; }
//   Result<std::vector<Event>> events = (*p)->Extract(doc);
//
// Create() loads and compiles every table in data/ once (knowledge base,
// time words, event patterns, the French dictionary for lemmas); its error
// names the file:line at fault. Extract() is const and deterministic: the same
// document always gives the same events. It is safe to call from several
// threads at once on one Pipeline.
#ifndef ENTENTE_PIPELINE_H_
#define ENTENTE_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "entente/document.h"
#include "entente/event.h"
#include "entente/status.h"

namespace entente {

struct PipelineOptions {
  // Folder of the knowledge and rule tables. Default: the folder installed
  // with the binary (ENTENTE_DATA_DIR at build time).
  std::string data_dir;
  // Folder of the hunspell dictionaries (fr.aff/fr.dic). Default:
  // /usr/share/hunspell.
  std::string hunspell_dir;
  // TABARI/PETRARCH actor dictionaries loaded next to data/'s own tables:
  // their names that data/ does not know become actors (see docs/knowledge-base.md).
  std::vector<std::string> actor_dicts;
};

// Default data folder compiled into the binary.
std::string DefaultDataDir();

class Pipeline {
 public:
  static Result<std::unique_ptr<Pipeline>> Create(const PipelineOptions& options);
  virtual ~Pipeline();

  Pipeline(const Pipeline&) = delete;  // owns compiled tables; share it by reference
  Pipeline& operator=(const Pipeline&) = delete;

  // Events of one document, in text order. Warnings (unknown language, no
  // publication date...) are appended to *warnings when it is non-null.
  virtual Result<std::vector<Event>> Extract(const Document& doc,
                                             std::vector<std::string>* warnings) const = 0;

 protected:
  Pipeline() = default;
};

}  // namespace entente

#endif  // ENTENTE_PIPELINE_H_
