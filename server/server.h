// `entente serve`: the JSON API (server/api.h) and the analyst's page
// (web/, embedded in the binary) over one store, with cpp-httplib.
//
//   ServerOptions o;
//   o.db = "entente.db";
//   auto s = Server::Create(o);         // checks the store opens
//   if (!s.ok()) ...;
//   (*s)->Listen();                      // blocks until Stop()
//
// Each worker thread opens its own Store connection on its first request
// (Store is one per thread) and keeps it. Every request gets a deadline after
// which its query is interrupted (503). Bodies and URLs are size-capped
// (413/414). Loopback by default; docs/server.md says more.
//
// Thread safety: Stop() may be called from any thread.
#ifndef ENTENTE_SERVER_SERVER_H_
#define ENTENTE_SERVER_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "entente/pipeline.h"
#include "entente/status.h"

namespace entente::server {

struct ServerOptions {
  std::string db = "entente.db";  // REQUIRES: an existing store file
  std::string bind = "127.0.0.1";
  int port = 8080;                 // 0 = any free port (see Server::port())
  int threads = 0;                 // workers; 0 = 2 × hardware threads, at least 4
  int query_timeout_ms = 5000;     // per request
  size_t max_body_bytes = size_t{4} << 20;  // POST bodies
  size_t max_url_bytes = 4096;
  // Live ingest (POST /api/v1/documents): on when `pipeline` is set, and then
  // `ingest_token` must be non-empty. Not owned.
  const Pipeline* pipeline = nullptr;
  std::string ingest_token;
  bool access_log = false;  // one line a request on stderr
};

class Server {
 public:
  static Result<std::unique_ptr<Server>> Create(const ServerOptions& options);
  virtual ~Server();
  Server(const Server&) = delete;  // owns a listening socket and store connections
  Server& operator=(const Server&) = delete;

  // Binds (port 0: a free one) without serving yet.
  virtual Status Bind() = 0;
  // The bound port. REQUIRES: Bind() succeeded.
  virtual int port() const = 0;
  // Serves until Stop(). Binds first when Bind() was not called.
  virtual Status Listen() = 0;
  virtual void Stop() = 0;

 protected:
  Server() = default;
};

}  // namespace entente::server

#endif  // ENTENTE_SERVER_SERVER_H_
