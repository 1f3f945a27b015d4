#!/usr/bin/env bash
# Installs the Debian 12 packages entente needs to build and test.
# Idempotent: does nothing (and prints nothing) when every package is present.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config libicu-dev libcld2-dev libsqlite3-dev sqlite3
  nlohmann-json3-dev libcli11-dev libfmt-dev libgumbo-dev libhunspell-dev hunspell-fr hunspell-en-us
  zlib1g-dev libgtest-dev libgmock-dev googletest libbenchmark-dev python3
  # entente serve (docs/server.md): the HTTP library; Chromium for the browser test; wrk for
  # bench/serve_load.sh; YAML and JSON Schema for the OpenAPI test.
  libcpp-httplib-dev chromium wrk python3-yaml python3-jsonschema
)
# Node.js and npm build the page (web/); a machine that has them from elsewhere keeps them.
if ! command -v npm >/dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
fi
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# The page's npm packages (web/package-lock.json), once: the build then works offline.
npm_ci() {
  local lock="$ROOT/web/package-lock.json" stamp="$ROOT/web/node_modules/.package-lock.json"
  if [[ -f "$lock" ]] && command -v npm >/dev/null 2>&1 && { [[ ! -f "$stamp" ]] || [[ "$lock" -nt "$stamp" ]]; }; then
    echo "install-deps: npm ci in web/"
    (cd "$ROOT/web" && npm ci --no-audit --no-fund --loglevel=error) || {
      echo "install-deps: npm ci failed; the build embeds the checked-in page (web/dist)" >&2
    }
  fi
}

missing=()
for pkg in "${PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)"
  if [[ "$status" != "installed" ]]; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  npm_ci
  exit 0
fi

SUDO=()
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "install-deps: missing packages (${missing[*]}) and not root; install them or run as root" >&2
    exit 1
  fi
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
npm_ci
