#!/usr/bin/env bash
# Installs the JavaScript dependencies with the project's toolchain; quick when nothing changed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/toolchain.sh
stamp=node_modules/.app-center-install
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(cat yarn.lock package.json */*/package.json | sha1sum)" ]; then
  exit 0
fi
if [ -n "${CI:-}" ]; then yarn install --immutable; else yarn install; fi
cat yarn.lock package.json */*/package.json | sha1sum > "$stamp"
