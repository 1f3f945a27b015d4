// entente_bench: throughput, memory and determinism of the extraction pipeline.
//
// Generates a deterministic French news-style corpus article by article (never
// held whole in memory), runs Pipeline::Extract on each on one thread, and
// reports MB/s, articles/s, events and peak RSS as Google Benchmark counters.
// Two sizes run in order (default 10 MB then 50 MB; the small corpus is a
// prefix of the large one): if the peak RSS grows by more than 50% from the
// first to the second, memory is not flat and the run fails. An FNV-1a checksum
// over the EventToJson lines of the largest run is compared with the expected
// checksum file; a mismatch fails.
//
// Flags (besides Google Benchmark's own --benchmark_*):
//   --sizes=10,50          corpus sizes in MB, run in this order
//   --expected=FILE        checksum file (default: <source>/bench/expected_checksum.txt)
//   --update               write the checksum of this run to the file instead of comparing
//   --data_dir=DIR         data folder (default: DefaultDataDir())
//   --write_corpus=FILE    only write the largest corpus as JSON Lines to FILE, and exit
//
// The checksum file holds one line "<16 hex digits> <MB>"; it is compared only
// when the run's largest size equals <MB>. An empty file compares nothing.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include "bench/corpus_gen.h"
#include "entente/event.h"
#include "entente/pipeline.h"

namespace entente::bench {
namespace {

constexpr uint64_t kSeed = 20240314;
constexpr double kMinMbPerSecond = 10.0;
constexpr double kMaxPeakMb = 300.0;
constexpr double kMaxRssGrowth = 1.5;

struct RunResult {
  int size_mb = 0;
  uint64_t bytes = 0;
  uint64_t articles = 0;
  uint64_t events = 0;
  uint64_t errors = 0;
  double seconds = 0;  // time inside Extract and EventToJson only
  double peak_rss_mb = 0;
  uint64_t checksum = kFnvOffset;
};

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

std::string Hex(uint64_t v) {
  char buf[24];
  snprintf(buf, sizeof buf, "%016" PRIx64, v);
  return buf;
}

// Runs the pipeline over `size_mb` MB of generated articles.
RunResult RunCorpus(const Pipeline& pipeline, int size_mb) {
  RunResult r;
  r.size_mb = size_mb;
  const uint64_t limit = static_cast<uint64_t>(size_mb) * 1000 * 1000;
  CorpusGenerator gen(kSeed);
  std::vector<std::string> warnings;
  std::chrono::steady_clock::duration spent{};
  while (r.bytes < limit) {
    Document doc = gen.Next();
    r.bytes += doc.text.size();
    ++r.articles;
    warnings.clear();
    auto start = std::chrono::steady_clock::now();
    Result<std::vector<Event>> events = pipeline.Extract(doc, &warnings);
    if (!events.ok()) {
      ++r.errors;
      if (r.errors <= 5) std::cerr << doc.id << ": " << events.status().ToString() << "\n";
      spent += std::chrono::steady_clock::now() - start;
      continue;
    }
    for (const Event& e : *events) {
      r.checksum = Fnv1a(r.checksum, EventToJson(e));
      r.checksum = Fnv1a(r.checksum, "\n");
    }
    spent += std::chrono::steady_clock::now() - start;
    r.events += events->size();
  }
  r.seconds = std::chrono::duration<double>(spent).count();
  r.peak_rss_mb = PeakRssMb();
  return r;
}

void BM_Extract(benchmark::State& state, const Pipeline* pipeline, int size_mb, std::vector<RunResult>* out) {
  RunResult r;
  for (auto _ : state) {
    r = RunCorpus(*pipeline, size_mb);
    state.SetIterationTime(r.seconds);
  }
  double mb = static_cast<double>(r.bytes) / 1e6;
  state.SetBytesProcessed(static_cast<int64_t>(r.bytes));
  state.counters["MB"] = mb;
  state.counters["MB_per_s"] = r.seconds > 0 ? mb / r.seconds : 0;
  state.counters["articles"] = static_cast<double>(r.articles);
  state.counters["articles_per_s"] = r.seconds > 0 ? static_cast<double>(r.articles) / r.seconds : 0;
  state.counters["events"] = static_cast<double>(r.events);
  state.counters["errors"] = static_cast<double>(r.errors);
  state.counters["peak_rss_MB"] = r.peak_rss_mb;
  out->push_back(r);
}

// Writes the corpus of `size_mb` MB as JSON Lines (the reader's jsonl fields).
int WriteCorpus(const std::string& path, int size_mb) {
  std::ofstream f(path, std::ios::binary);
  if (!f) {
    std::cerr << "cannot write " << path << "\n";
    return 1;
  }
  const uint64_t limit = static_cast<uint64_t>(size_mb) * 1000 * 1000;
  CorpusGenerator gen(kSeed);
  uint64_t bytes = 0;
  while (bytes < limit) {
    Document doc = gen.Next();
    bytes += doc.text.size();
    nlohmann::json j = {{"id", doc.id},
                        {"url", ""},
                        {"source", doc.source},
                        {"published", doc.published->ToString()},
                        {"language", doc.language},
                        {"title", doc.title},
                        {"text", doc.text}};
    f << j.dump() << '\n';
  }
  std::cout << "wrote " << gen.count() << " articles (" << bytes / 1000000 << " MB of text) to " << path << "\n";
  return f ? 0 : 1;
}

struct Flags {
  std::vector<int> sizes = {10, 50};
  std::string expected = std::string(ENTENTE_SOURCE_DIR) + "/bench/expected_checksum.txt";
  bool update = false;
  std::string data_dir;
  std::string write_corpus;
};

// Takes our flags out of argv, leaving Google Benchmark's.
bool ParseFlags(int* argc, char** argv, Flags* flags) {
  int kept = 1;
  for (int i = 1; i < *argc; ++i) {
    std::string a = argv[i];
    auto value = [&a](const char* name) -> std::optional<std::string> {
      std::string prefix = std::string(name) + "=";
      if (a.rfind(prefix, 0) == 0) return a.substr(prefix.size());
      return std::nullopt;
    };
    if (auto v = value("--sizes")) {
      flags->sizes.clear();
      std::stringstream ss(*v);
      std::string item;
      while (std::getline(ss, item, ',')) {
        int mb = std::atoi(item.c_str());
        if (mb <= 0) {
          std::cerr << "bad size: " << item << "\n";
          return false;
        }
        flags->sizes.push_back(mb);
      }
      if (flags->sizes.empty()) return false;
    } else if (auto v = value("--expected")) {
      flags->expected = *v;
    } else if (a == "--update") {
      flags->update = true;
    } else if (auto v = value("--data_dir")) {
      flags->data_dir = *v;
    } else if (auto v = value("--write_corpus")) {
      flags->write_corpus = *v;
    } else {
      argv[kept++] = argv[i];
    }
  }
  *argc = kept;
  return true;
}

int Main(int argc, char** argv) {
  Flags flags;
  if (!ParseFlags(&argc, argv, &flags)) return 2;
  int largest = *std::max_element(flags.sizes.begin(), flags.sizes.end());
  if (!flags.write_corpus.empty()) return WriteCorpus(flags.write_corpus, largest);

  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;

  double rss_before = PeakRssMb();
  PipelineOptions options;
  options.data_dir = flags.data_dir.empty() ? DefaultDataDir() : flags.data_dir;
  auto pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) {
    std::cerr << "entente_bench: " << pipeline.status().ToString() << "\n";
    return 1;
  }
  double rss_loaded = PeakRssMb();

  std::vector<RunResult> results;
  for (int mb : flags.sizes) {
    benchmark::RegisterBenchmark(("BM_Extract/" + std::to_string(mb) + "MB").c_str(), BM_Extract,
                                 pipeline->get(), mb, &results)
        ->Iterations(1)
        ->UseManualTime()
        ->Unit(benchmark::kSecond);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  if (results.empty()) return 0;  // --benchmark_filter left nothing to run

  bool failed = false;
  std::printf("\n== entente_bench summary ==\n");
  std::printf("peak RSS before loading tables: %.1f MB, after Pipeline::Create: %.1f MB\n", rss_before,
              rss_loaded);
  for (const RunResult& r : results) {
    double mb = static_cast<double>(r.bytes) / 1e6;
    double mbps = r.seconds > 0 ? mb / r.seconds : 0;
    std::printf(
        "%3d MB corpus: %.1f MB text, %" PRIu64 " articles, %" PRIu64 " events, %" PRIu64
        " errors, %.2f s, %.2f MB/s, %.0f articles/s, peak RSS %.1f MB, checksum %s\n",
        r.size_mb, mb, r.articles, r.events, r.errors, r.seconds, mbps,
        r.seconds > 0 ? static_cast<double>(r.articles) / r.seconds : 0, r.peak_rss_mb, Hex(r.checksum).c_str());
    if (mbps < kMinMbPerSecond) {
      std::printf("WARNING: %.2f MB/s is below the %.0f MB/s target\n", mbps, kMinMbPerSecond);
    }
    if (r.peak_rss_mb >= kMaxPeakMb) {
      std::printf("WARNING: peak RSS %.1f MB is above the %.0f MB target\n", r.peak_rss_mb, kMaxPeakMb);
    }
    if (r.errors > 0) {
      std::printf("FAIL: %" PRIu64 " documents failed to extract\n", r.errors);
      failed = true;
    }
  }
  if (results.size() >= 2) {
    const RunResult& first = results.front();
    const RunResult& last = results.back();
    double growth = first.peak_rss_mb > 0 ? last.peak_rss_mb / first.peak_rss_mb : 1;
    std::printf("memory flatness: peak RSS %.1f MB at %d MB, %.1f MB at %d MB (x%.2f)\n", first.peak_rss_mb,
                first.size_mb, last.peak_rss_mb, last.size_mb, growth);
    if (growth > kMaxRssGrowth) {
      std::printf("FAIL: peak RSS grew by more than %.0f%%: memory is not flat\n", (kMaxRssGrowth - 1) * 100);
      failed = true;
    }
  }

  // The checksum of the largest run.
  const RunResult* big = &results.front();
  for (const RunResult& r : results) {
    if (r.size_mb == largest) big = &r;
  }
  std::string got = Hex(big->checksum);
  if (flags.update) {
    std::ofstream f(flags.expected, std::ios::trunc);
    f << got << ' ' << largest << '\n';
    if (!f) {
      std::printf("FAIL: cannot write %s\n", flags.expected.c_str());
      return 1;
    }
    std::printf("checksum %s (%d MB) written to %s\n", got.c_str(), largest, flags.expected.c_str());
  } else {
    std::ifstream f(flags.expected);
    std::string want;
    int want_mb = 0;
    if (f >> want >> want_mb && !want.empty()) {
      if (want_mb != largest) {
        std::printf("checksum %s not compared: %s holds the %d MB value\n", got.c_str(), flags.expected.c_str(),
                    want_mb);
      } else if (want != got) {
        std::printf("FAIL: checksum %s differs from the expected %s (%s); if the change in output is "
                    "intended, run bench/run --update\n",
                    got.c_str(), want.c_str(), flags.expected.c_str());
        failed = true;
      } else {
        std::printf("checksum %s matches %s\n", got.c_str(), flags.expected.c_str());
      }
    } else {
      std::printf("checksum %s (no expected value in %s; bench/run --update records it)\n", got.c_str(),
                  flags.expected.c_str());
    }
  }
  std::printf(failed ? "RESULT: FAIL\n" : "RESULT: OK\n");
  return failed ? 1 : 0;
}

}  // namespace
}  // namespace entente::bench

int main(int argc, char** argv) { return entente::bench::Main(argc, argv); }
