#!/usr/bin/env bash
# The checked-in bundle web/dist equals a fresh build from web/src and
# web/node_modules (so a build without npm serves the same page).
# usage: check_bundle.sh BUILT_DIST SOURCE_DIR; exit 77 when the build used web/dist itself.
set -euo pipefail
built="$1" src="$2"
if [[ "$(cd "$built" && pwd)" == "$(cd "$src/web/dist" && pwd)" ]]; then
  echo "SKIP: this build embeds web/dist itself (no node or node_modules)"
  exit 77
fi
status=0
for f in "$built"/*; do
  name="$(basename "$f")"
  if ! cmp -s "$f" "$src/web/dist/$name"; then
    echo "FAIL: web/dist/$name differs from a fresh build; run 'node web/build.mjs' and commit web/dist"
    status=1
  fi
done
[[ $status -eq 0 ]] && echo "1 passed, 0 failed"
exit $status
