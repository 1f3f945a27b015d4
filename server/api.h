// The JSON API of `entente serve` (/api/v1/…), independent of any socket:
// a request in, a response out, over one Store. docs/api-openapi.yaml
// describes every route and shape; docs/server.md the rules.
//
//   Api api(options);
//   ApiResponse r = api.Handle(store, {.method = "GET", .path = "/api/v1/events",
//                                      .params = {{"pair", "RUS,IRN"}}});
//
// Every parameter is checked before the store is asked: unknown names, bad
// dates, page sizes over the cap, and free text with characters outside a
// small whitelist (no quotes other than the apostrophe, no ';', '=', '--')
// get 400 with {"error": {"code": "bad_request", "message": …}}. The store
// binds every value as a parameter anyway.
//
// Thread safety: Handle() is const and may run on many threads at once, each
// with its own Store.
#ifndef ENTENTE_SERVER_API_H_
#define ENTENTE_SERVER_API_H_

#include <map>
#include <string>

#include "entente/pipeline.h"
#include "entente/store.h"

namespace entente::server {

inline constexpr const char* kApiVersion = "v1";

struct ApiRequest {
  std::string method;  // "GET", "POST"…
  std::string path;    // decoded, without the query string
  std::multimap<std::string, std::string> params;  // decoded query parameters
  std::string body;
  std::string authorization;  // the Authorization header, "" when absent
};

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
};

struct ApiOptions {
  // Pipeline for POST /api/v1/documents; nullptr = live ingest off (403).
  // Not owned; must outlive the Api. Its Extract() is thread-safe.
  const Pipeline* pipeline = nullptr;
  // Bearer token that POST /api/v1/documents requires. REQUIRES: non-empty
  // when `pipeline` is set.
  std::string ingest_token;
  int max_page = 500;          // largest `limit` of a list (default page: 50)
  int max_free_text = 200;     // bytes of a free-text parameter
};

class Api {
 public:
  explicit Api(ApiOptions options) : options_(std::move(options)) {}

  // Never throws for bad input; a store failure gives 500, a query stopped by
  // the store's deadline 503.
  ApiResponse Handle(Store& store, const ApiRequest& request) const;

 private:
  ApiOptions options_;
};

// {"error": {"code": code, "message": message}}
std::string ErrorJson(const std::string& code, const std::string& message);

}  // namespace entente::server

#endif  // ENTENTE_SERVER_API_H_
