// The pipeline: read tables once, then per document: language, sentences and
// words, and the extractor.
#include "entente/pipeline.h"

#include <fstream>
#include <map>

#include "extract/extractor.h"
#include "extract/rules.h"
#include "kb/kb.h"
#include "text/language.h"
#include "text/lemmatizer.h"
#include "text/segment.h"
#include "time/timex.h"

namespace entente {

std::string DefaultDataDir() { return ENTENTE_DATA_DIR; }

Pipeline::~Pipeline() = default;

namespace {

// Articles longer than this are processed in pieces cut at line breaks, so
// that memory stays bounded whatever the article's size.
constexpr size_t kChunkBytes = size_t{1} << 20;

struct Language {
  std::unique_ptr<Segmenter> segmenter;
  std::unique_ptr<Lemmatizer> lemmatizer;  // may be null
  std::unique_ptr<Rules> rules;
  std::unique_ptr<Extractor> extractor;
};

class PipelineImpl final : public Pipeline {
 public:
  Status Init(const PipelineOptions& options) {
    const std::string data = options.data_dir.empty() ? DefaultDataDir() : options.data_dir;
    const std::string dicts = options.hunspell_dir.empty() ? "/usr/share/hunspell" : options.hunspell_dir;
    {
      std::ifstream probe(data + "/event_types.tsv");
      if (!probe) return Status::NotFound(data + ": not an entente data folder (no event_types.tsv)");
    }
    ENTENTE_ASSIGN_OR_RETURN(auto kb_segmenter, Segmenter::Create(data, "fr"));
    ENTENTE_ASSIGN_OR_RETURN(kb_, KnowledgeBase::Load(data, *kb_segmenter, KbOptions{options.actor_dicts}));
    ENTENTE_ASSIGN_OR_RETURN(time_, TimeTagger::Create(data));
    for (const std::string lang : {"fr", "en"}) {
      std::ifstream patterns(data + "/" + lang + "/patterns.tsv");
      if (!patterns) continue;
      Language l;
      ENTENTE_ASSIGN_OR_RETURN(l.segmenter, Segmenter::Create(data, lang));
      auto lem = Lemmatizer::Create(dicts, lang == "en" ? "en_US" : lang);
      if (lem.ok()) {
        l.lemmatizer = std::move(lem).value();
      } else {
        return Status::NotFound(std::string(lang == "fr" ? "French" : "English") + " dictionary for lemmas: " +
                                lem.status().message() + " (install the " +
                                (lang == "fr" ? "hunspell-fr" : "hunspell-en-us") + " package)");
      }
      ENTENTE_ASSIGN_OR_RETURN(l.rules, Rules::Load(data, lang));
      ENTENTE_RETURN_IF_ERROR(Extractor::CheckRules(*l.rules, lang));
      l.extractor = std::make_unique<Extractor>(*kb_, *time_, l.lemmatizer.get(), *l.rules, lang);
      langs_.emplace(lang, std::move(l));
    }
    if (langs_.empty()) return Status::NotFound(data + ": no <lang>/patterns.tsv");
    return Status::Ok();
  }

  Result<std::vector<Event>> Extract(const Document& doc, std::vector<std::string>* warnings) const override {
    std::string lang = doc.language;
    if (lang.size() > 2) lang = lang.substr(0, 2);
    if (lang.empty()) {
      LanguageGuess g = DetectLanguage(doc.text);
      lang = g.code;
      if (lang.empty() && warnings) warnings->push_back("language unknown; read as French");
      if (lang.empty()) lang = "fr";
    }
    auto it = langs_.find(lang);
    if (it == langs_.end()) {
      if (warnings) warnings->push_back("language '" + lang + "' is not supported; no events extracted");
      return std::vector<Event>{};
    }
    if (!doc.published && warnings) {
      warnings->push_back("no publication date: relative dates stay unresolved and events carry no date");
    }
    const Language& l = it->second;
    std::vector<Event> events;
    const std::string_view text = doc.text;
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = text.size();
      if (end - pos > kChunkBytes) {
        size_t nl = text.rfind('\n', pos + kChunkBytes);
        end = (nl != std::string_view::npos && nl > pos) ? nl + 1 : pos + kChunkBytes;
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;  // whole code points
      }
      Segmented seg = l.segmenter->Segment(text.substr(pos, end - pos));
      if (pos > 0) {
        const uint32_t base = static_cast<uint32_t>(pos);
        for (Token& t : seg.tokens) {
          t.begin += base;
          t.end += base;
        }
        for (Sentence& s : seg.sentences) {
          s.begin += base;
          s.end += base;
        }
      }
      std::vector<Event> part = l.extractor->Extract(doc, seg);
      for (Event& e : part) events.push_back(std::move(e));
      pos = end;
    }
    return events;
  }

 private:
  std::unique_ptr<KnowledgeBase> kb_;
  std::unique_ptr<TimeTagger> time_;
  std::map<std::string, Language> langs_;
};

}  // namespace

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  auto p = std::make_unique<PipelineImpl>();
  ENTENTE_RETURN_IF_ERROR(p->Init(options));
  return std::unique_ptr<Pipeline>(std::move(p));
}

}  // namespace entente
