// merge_bench: merging generated mentions (issue target: 1 million mentions
// in under 60 s and 2 GB).
//
//   build-bench/bench/merge_bench [--mentions=N] [google benchmark flags]
//
// The mentions are generated deterministically (SplitMix64): 60 countries
// with a skewed choice of pairs (a few pairs carry much of the news, as in
// real corpora), three people per country, six event types, dates over ten
// years at mixed precision (day 70 %, month 15 %, publication 10 %, undated
// recall 5 %), a city for half of them. They are grouped by BlockKey and each
// block is merged with MergeBlock, as the store does at commit. Counters:
// mentions, events, mentions_per_s, peak_rss_MB.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <chrono>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "bench/corpus_gen.h"
#include "merge/merge.h"

namespace entente::bench {
namespace {

int64_t g_mentions = 1000000;

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

std::vector<Mention> Generate(int64_t n) {
  SplitMix64 rng(20240314);
  static const char* const kTypes[] = {"MEET", "VISIT", "PHONE_CALL", "SIGN", "CRITICIZE", "SANCTION"};
  static const char* const kPrecision[] = {"day", "month", "publication", "recall"};
  std::vector<Mention> out;
  out.reserve(static_cast<size_t>(n));
  const Date base{2015, 1, 1};
  for (int64_t i = 0; i < n; ++i) {
    Mention m;
    m.doc = "doc-" + std::to_string(i / 4);
    m.ordinal = static_cast<int>(i % 4);
    m.outlet = "outlet-" + std::to_string(rng.Below(50));
    // Skewed pairs: the square of a uniform draw favours low country numbers.
    auto country = [&] {
      uint64_t r = rng.Below(60);
      return "C" + std::to_string(r * r / 60);
    };
    std::string a = country(), b = country();
    if (a == b) b = "C" + std::to_string((std::stoi(a.substr(1)) + 1) % 60);
    Event& e = m.event;
    e.doc = m.doc;
    e.type = kTypes[rng.Below(6)];
    e.cameo = "042";
    e.goldstein = 1.9;
    for (const std::string& c : {a, b}) {
      Actor x;
      x.country = c;
      if (rng.Below(3) != 0) x.name = c + "-leader-" + std::to_string(rng.Below(3));
      e.actors.push_back(x);
    }
    Date day = base.AddDays(static_cast<int64_t>(rng.Below(3650)));
    m.published = day.AddDays(static_cast<int64_t>(rng.Below(3)));
    uint64_t p = rng.Below(100);
    const char* precision = p < 70 ? kPrecision[0] : p < 85 ? kPrecision[1] : p < 95 ? kPrecision[2] : kPrecision[3];
    EventDate d;
    if (std::strcmp(precision, "month") == 0) {
      d.from = Date::FirstOfMonth(day.year, day.month);
      d.to = Date::LastOfMonth(day.year, day.month);
      d.precision = "month";
    } else if (std::strcmp(precision, "day") == 0) {
      d.from = d.to = day;
      d.precision = "day";
    } else {
      d.from = d.to = m.published;
      d.precision = "publication";
      e.background = std::strcmp(precision, "recall") == 0;
    }
    e.date = d;
    if (rng.Below(2) == 0) {
      Location l;
      l.name = a + "-city-" + std::to_string(rng.Below(3));
      l.country = a;
      l.city = true;
      l.lat = static_cast<double>(rng.Below(100));
      l.lon = static_cast<double>(rng.Below(100));
      e.location = l;
    }
    out.push_back(std::move(m));
  }
  return out;
}

void BM_Merge(benchmark::State& state) {
  size_t events = 0, blocks = 0, n = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Mention> mentions = Generate(g_mentions);
    n = mentions.size();
    state.ResumeTiming();
    auto start = std::chrono::steady_clock::now();
    // Each mention moves into its block (the store reads one block at a time).
    std::unordered_map<std::string, std::vector<Mention>> by_block;
    for (Mention& m : mentions) {
      std::string key = BlockKey(m.event);
      by_block[key].push_back(std::move(m));
    }
    mentions.clear();
    mentions.shrink_to_fit();
    events = 0;
    for (const auto& [key, ms] : by_block) events += MergeBlock(ms).size();
    blocks = by_block.size();
    std::chrono::duration<double> secs = std::chrono::steady_clock::now() - start;
    state.SetIterationTime(secs.count());
    state.counters["seconds"] = secs.count();
  }
  state.counters["mentions"] = static_cast<double>(n);
  state.counters["blocks"] = static_cast<double>(blocks);
  state.counters["events"] = static_cast<double>(events);
  state.counters["mentions_per_s"] =
      benchmark::Counter(static_cast<double>(n) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
  state.counters["peak_rss_MB"] = PeakRssMb();
}

}  // namespace
}  // namespace entente::bench

int main(int argc, char** argv) {
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--mentions=", 11) == 0) {
      entente::bench::g_mentions = std::atoll(argv[i] + 11);
    } else {
      rest.push_back(argv[i]);
    }
  }
  int n = static_cast<int>(rest.size());
  benchmark::RegisterBenchmark("BM_Merge", entente::bench::BM_Merge)
      ->Unit(benchmark::kSecond)
      ->UseManualTime()
      ->Iterations(1);
  benchmark::Initialize(&n, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
