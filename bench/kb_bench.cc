// kb_bench: the knowledge base's own costs (issue targets: loading and
// compiling every table under 300 ms and 150 MB; matching at >= 50 MB/s).
//
//   build-bench/bench/kb_bench [--data=DIR] [--mb=N] [google benchmark flags]
//
// Loading is timed from nothing to a ready KnowledgeBase (segmenter included,
// as the pipeline builds it). Matching is timed over text that is already
// segmented (segmentation is the text stage's cost, measured with extract): the
// rate is bytes of article text through KnowledgeBase::Match per second. The
// text is the benchmark's generated French news corpus.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "bench/corpus_gen.h"
#include "entente/pipeline.h"
#include "kb/kb.h"
#include "text/segment.h"

namespace entente::bench {
namespace {

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

std::string g_data = DefaultDataDir();
int g_mb = 20;

void BM_KbLoad(benchmark::State& state) {
  double rss_before = PeakRssMb();
  size_t keys = 0;
  for (auto _ : state) {
    auto seg = Segmenter::Create(g_data, "fr");
    if (!seg.ok()) {
      state.SkipWithError(seg.status().message().c_str());
      return;
    }
    auto kb = KnowledgeBase::Load(g_data, **seg);
    if (!kb.ok()) {
      state.SkipWithError(kb.status().message().c_str());
      return;
    }
    keys = (*kb)->Stats().keys;
    benchmark::DoNotOptimize(kb);
  }
  state.counters["keys"] = static_cast<double>(keys);
  state.counters["peak_rss_MB"] = PeakRssMb();
  state.counters["rss_growth_MB"] = PeakRssMb() - rss_before;
}

struct Corpus {
  std::vector<std::string> texts;
  std::vector<Segmented> segs;
  size_t bytes = 0;
};

const Corpus& TheCorpus(const Segmenter& seg) {
  static Corpus* c = [&] {
    auto* out = new Corpus;
    CorpusGenerator gen(20240314);
    while (out->bytes < static_cast<size_t>(g_mb) * 1000 * 1000) {
      Document d = gen.Next();
      out->bytes += d.text.size();
      out->segs.push_back(seg.Segment(d.text));
      out->texts.push_back(std::move(d.text));
    }
    return out;
  }();
  return *c;
}

void BM_KbMatch(benchmark::State& state) {
  auto seg = Segmenter::Create(g_data, "fr");
  auto kb = seg.ok() ? KnowledgeBase::Load(g_data, **seg) : Result<std::unique_ptr<KnowledgeBase>>(seg.status());
  if (!kb.ok()) {
    state.SkipWithError(kb.status().message().c_str());
    return;
  }
  const Corpus& corpus = TheCorpus(**seg);
  size_t matches = 0;
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    matches = 0;
    for (const Segmented& s : corpus.segs) {
      for (const Sentence& sent : s.sentences) {
        matches += (*kb)->Match(s.tokens, sent.first_token, sent.last_token).size();
      }
    }
    std::chrono::duration<double> secs = std::chrono::steady_clock::now() - start;
    state.SetIterationTime(secs.count());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.counters["MB"] = static_cast<double>(corpus.bytes) / 1e6;
  state.counters["matches"] = static_cast<double>(matches);
}

}  // namespace
}  // namespace entente::bench

int main(int argc, char** argv) {
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--data=", 7) == 0) {
      entente::bench::g_data = argv[i] + 7;
    } else if (std::strncmp(argv[i], "--mb=", 5) == 0) {
      entente::bench::g_mb = std::atoi(argv[i] + 5);
    } else {
      rest.push_back(argv[i]);
    }
  }
  int n = static_cast<int>(rest.size());
  benchmark::RegisterBenchmark("BM_KbLoad", entente::bench::BM_KbLoad)->Unit(benchmark::kMillisecond)->Iterations(5);
  benchmark::RegisterBenchmark("BM_KbMatch", entente::bench::BM_KbMatch)
      ->Unit(benchmark::kMillisecond)
      ->UseManualTime()
      ->Iterations(3);
  benchmark::Initialize(&n, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
