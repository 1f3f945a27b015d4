#include "server/server.h"

// Answers are small: send them at once rather than wait for the peer's ACK (Nagle).
#define CPPHTTPLIB_TCP_NODELAY true
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <atomic>
#include <map>
#include <unordered_map>
#include <mutex>
#include <thread>
#include <utility>

#include "entente/store.h"
#include "server/api.h"
#include "server/assets.h"

namespace entente::server {

namespace {

// Content-Security-Policy of the page: scripts, styles and data only from the
// server itself; no inline script, no plugins, no framing.
constexpr const char* kCsp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

class HttpServer final : public Server {
 public:
  explicit HttpServer(const ServerOptions& options)
      : options_(options), api_(ApiOptions{options.pipeline, options.ingest_token}) {}

  ~HttpServer() override {
    http_.stop();
  }

  Status Setup() {
    // A kept-alive connection holds its worker thread until it closes, so the
    // pool bounds the clients served at once, not the cores used: 64 by default.
    const int threads = options_.threads > 0 ? options_.threads : 64;
    http_.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
    http_.set_payload_max_length(options_.max_body_bytes);
    http_.set_tcp_nodelay(true);
    // httplib closes a kept-alive connection after 5 requests by default; the
    // page and API clients make many small requests on one connection.
    http_.set_keep_alive_max_count(1000);
    http_.set_read_timeout(10, 0);
    http_.set_write_timeout(10, 0);
    http_.set_keep_alive_max_count(1000);
    http_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (req.target.size() > options_.max_url_bytes) {
        Json(res, 414, ErrorJson("uri_too_long", "the URL is longer than " +
                                                     std::to_string(options_.max_url_bytes) + " bytes"));
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    auto api = [this](const httplib::Request& req, httplib::Response& res) { ServeApi(req, res); };
    http_.Get(R"(/api/.*)", api);
    http_.Post(R"(/api/.*)", api);
    http_.Put(R"(/api/.*)", api);
    http_.Delete(R"(/api/.*)", api);
    http_.Get(R"(/assets/([A-Za-z0-9_.-]+))", [](const httplib::Request& req, httplib::Response& res) {
      ServeAsset(req.matches[1].str(), res);
    });
    // The page: one HTML file; the state lives in the URL's query string.
    http_.Get("/", [](const httplib::Request&, httplib::Response& res) { ServeAsset("index.html", res); });
    http_.Get("/favicon.ico", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
    http_.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      const char* code = res.status == 413 ? "payload_too_large" : res.status == 404 ? "not_found" : "http_error";
      Json(res, res.status, ErrorJson(code, "HTTP " + std::to_string(res.status) + " for " + req.path));
    });
    http_.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
      std::string what = "unknown";
      try {
        if (ep) std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        what = e.what();
      } catch (...) {
      }
      Json(res, 500, ErrorJson("internal", what));
    });
    if (options_.access_log) {
      http_.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        std::cerr << req.method << " " << req.path << " " << res.status << "\n";
      });
    }
    return Status::Ok();
  }

  Status Bind() override {
    if (bound_) return Status::Ok();
    if (options_.port == 0) {
      port_ = http_.bind_to_any_port(options_.bind);
      if (port_ <= 0) return Status::IoError("cannot bind to " + options_.bind);
    } else {
      if (!http_.bind_to_port(options_.bind, options_.port)) {
        return Status::IoError("cannot bind to " + options_.bind + ":" + std::to_string(options_.port) +
                               " (in use, or not an address of this machine)");
      }
      port_ = options_.port;
    }
    bound_ = true;
    return Status::Ok();
  }

  int port() const override { return port_; }

  Status Listen() override {
    ENTENTE_RETURN_IF_ERROR(Bind());
    if (!http_.listen_after_bind()) return Status::IoError("the server stopped with an error");
    return Status::Ok();
  }

  void Stop() override { http_.stop(); }

 private:
  static void Json(httplib::Response& res, int status, const std::string& body) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_content(body, "application/json; charset=utf-8");
  }

  static void ServeAsset(const std::string& name, httplib::Response& res) {
    const Asset* a = FindAsset(name);
    if (a == nullptr) {
      Json(res, 404, ErrorJson("not_found", "no such file"));
      return;
    }
    res.set_header("Content-Security-Policy", kCsp);
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cache-Control", name == "index.html" ? "no-cache" : "max-age=3600");
    res.set_content(std::string(a->data), std::string(a->content_type).c_str());
  }

  // This worker thread's store connection, opened on first use.
  Result<Store*> ThreadStore() {
    const std::thread::id me = std::this_thread::get_id();
    {
      std::lock_guard<std::mutex> lock(mu_);
      auto it = stores_.find(me);
      if (it != stores_.end()) return it->second.get();
    }
    ENTENTE_ASSIGN_OR_RETURN(std::unique_ptr<Store> s, Store::Open(options_.db));
    Store* raw = s.get();
    std::lock_guard<std::mutex> lock(mu_);
    stores_[me] = std::move(s);
    return raw;
  }

  void ServeApi(const httplib::Request& req, httplib::Response& res) {
    Result<Store*> store = ThreadStore();
    if (!store.ok()) {
      Json(res, 500, ErrorJson("store_error", store.status().message()));
      return;
    }
    if (req.method == "POST" && req.get_header_value("Content-Type").find("x-www-form-urlencoded") != std::string::npos) {
      // httplib would read such a body as parameters; documents come as JSON Lines.
      Json(res, 415, ErrorJson("unsupported_media_type", "send documents as application/x-ndjson"));
      return;
    }
    ApiRequest r;
    r.method = req.method;
    r.path = req.path;
    r.params = req.params;
    r.body = req.body;
    r.authorization = req.get_header_value("Authorization");
    // GET answers are cached, keyed by path and parameters, for as long as the
    // store has not changed. Each connection sees changes through its data
    // version (another process's ingest) and this server counts its own
    // ingests; either bumps the epoch that cached answers carry.
    const bool cacheable = req.method == "GET";
    std::string key;
    uint64_t epoch = 0;
    if (cacheable) {
      Result<int64_t> v = (*store)->DataVersion();
      if (v.ok()) {
        {
          std::lock_guard<std::mutex> lock(mu_);
          auto [it, first] = seen_.emplace(std::this_thread::get_id(), *v);
          if (!first && it->second != *v) {
            it->second = *v;
            ++epoch_;
          }
        }
        epoch = epoch_.load();
        key = req.path;
        for (const auto& [k, val] : req.params) key += "\x1f" + k + "=" + val;  // params are sorted by name
        std::lock_guard<std::mutex> lock(cache_mu_);
        auto it = cache_.find(key);
        if (it != cache_.end() && it->second.epoch == epoch) {
          Json(res, it->second.response.status, it->second.response.body);
          return;
        }
      }
    }
    (*store)->SetDeadline(std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.query_timeout_ms));
    ApiResponse out = api_.Handle(**store, r);
    (*store)->SetDeadline(std::nullopt);
    if (req.method == "POST" && out.status >= 200 && out.status < 300) ++epoch_;
    if (!key.empty() && out.status == 200) {
      std::lock_guard<std::mutex> lock(cache_mu_);
      if (cache_.size() >= kCacheEntries) cache_.clear();
      cache_[key] = CacheEntry{epoch, out};
    }
    Json(res, out.status, out.body);
  }

  struct CacheEntry {
    uint64_t epoch = 0;
    ApiResponse response;
  };
  static constexpr size_t kCacheEntries = 2048;

  ServerOptions options_;
  Api api_;
  httplib::Server http_;
  bool bound_ = false;
  int port_ = 0;
  std::mutex mu_;  // guards stores_
  std::map<std::thread::id, std::unique_ptr<Store>> stores_;
  std::map<std::thread::id, int64_t> seen_;  // guarded by mu_: each connection's last data version
  std::atomic<uint64_t> epoch_{0};            // bumped by every change seen or made
  std::mutex cache_mu_;                       // guards cache_
  std::unordered_map<std::string, CacheEntry> cache_;
};

}  // namespace

Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  if (options.pipeline != nullptr && options.ingest_token.size() < 16) {
    return Status::InvalidArgument("live ingest needs a token of at least 16 characters (--ingest-token)");
  }
  if (options.port < 0 || options.port > 65535) return Status::InvalidArgument("port must be 0..65535");
  // Fail now, not on the first request, when the store does not open.
  ENTENTE_ASSIGN_OR_RETURN(std::unique_ptr<Store> probe, Store::Open(options.db));
  probe.reset();
  auto s = std::make_unique<HttpServer>(options);
  ENTENTE_RETURN_IF_ERROR(s->Setup());
  return std::unique_ptr<Server>(std::move(s));
}

}  // namespace entente::server
