// The analyst's page, embedded in the binary: files of web/dist (built from
// web/src and web/node_modules by web/build.mjs, or the checked-in bundle),
// turned into a C++ table at build time by server/embed_assets.cmake.
#ifndef ENTENTE_SERVER_ASSETS_H_
#define ENTENTE_SERVER_ASSETS_H_

#include <string_view>

namespace entente::server {

struct Asset {
  std::string_view name;          // "index.html", "app.js"…
  std::string_view content_type;  // "text/html; charset=utf-8"…
  std::string_view data;
};

// nullptr when there is no such file.
const Asset* FindAsset(std::string_view name);

}  // namespace entente::server

#endif  // ENTENTE_SERVER_ASSETS_H_
