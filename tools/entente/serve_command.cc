// `entente serve`: parse, start the server, wait. See docs/server.md.
#include <chrono>
#include <csignal>
#include <filesystem>
#include <memory>
#include <ostream>
#include <thread>

#include "commands.h"
#include "entente/pipeline.h"

#ifdef ENTENTE_HAVE_SERVER
#include "server/server.h"
#endif

namespace entente::cli {

#ifdef ENTENTE_HAVE_SERVER
namespace {
// Set by SIGINT/SIGTERM; a watcher thread turns it into Server::Stop().
volatile std::sig_atomic_t g_stop = 0;
extern "C" void OnStopSignal(int) { g_stop = 1; }
}  // namespace

int RunServe(const ServeFlags& flags, std::ostream& out, std::ostream& err) {
  std::error_code ec;
  if (!std::filesystem::exists(flags.db, ec)) {
    err << "error: store '" << flags.db << "' does not exist (create it with 'entente ingest --db " << flags.db
        << "')\n";
    return kExitUsage;
  }
  std::unique_ptr<Pipeline> pipeline;
  server::ServerOptions o;
  o.db = flags.db;
  o.bind = flags.bind;
  o.port = flags.port;
  o.threads = flags.threads;
  o.query_timeout_ms = flags.timeout_ms;
  o.access_log = flags.log;
  if (!flags.ingest_token.empty()) {
    PipelineOptions po;
    po.data_dir = flags.data_dir.empty() ? DefaultDataDir() : flags.data_dir;
    Result<std::unique_ptr<Pipeline>> p = Pipeline::Create(po);
    if (!p.ok()) {
      err << "error: " << p.status().message() << "\n";
      return kExitUsage;
    }
    pipeline = std::move(*p);
    o.pipeline = pipeline.get();
    o.ingest_token = flags.ingest_token;
  }
  Result<std::unique_ptr<server::Server>> s = server::Server::Create(o);
  if (!s.ok()) {
    err << "error: " << s.status().message() << "\n";
    return kExitUsage;
  }
  if (Status st = (*s)->Bind(); !st.ok()) {
    err << "error: " << st.message() << "\n";
    return kExitUsage;
  }
  const std::string host = flags.bind.find(':') != std::string::npos ? "[" + flags.bind + "]" : flags.bind;
  out << "entente: serving " << flags.db << " on http://" << host << ":" << (*s)->port() << "/"
      << (pipeline ? " (live ingest on)" : "") << std::endl;
  std::signal(SIGINT, OnStopSignal);
  std::signal(SIGTERM, OnStopSignal);
  server::Server* raw = s->get();
  std::thread watcher([raw] {
    while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    raw->Stop();
  });
  Status st = raw->Listen();
  g_stop = 1;
  watcher.join();
  if (!st.ok()) {
    err << "error: " << st.message() << "\n";
    return kExitFailures;
  }
  return kExitOk;
}
#else
int RunServe(const ServeFlags&, std::ostream&, std::ostream& err) {
  err << "error: this entente was built without the server (cpp-httplib missing at build time)\n";
  return kExitUsage;
}
#endif

}  // namespace entente::cli
