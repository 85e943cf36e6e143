#!/usr/bin/env bash
# `make start`: the portal with App Center on embedded defaults: SQLite under .app-center/, the example
# catalog, and the Argo CD sandbox (Argo CD API + simulated cluster + git server) in place of a real Argo CD.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/install.sh
. scripts/toolchain.sh
mkdir -p .app-center

# A token for the sandbox, made up once per checkout and handed to the backend in the environment.
[ -s .app-center/sandbox-token ] || node -e "console.log(require('crypto').randomBytes(24).toString('hex'))" > .app-center/sandbox-token
export APP_CENTER_SANDBOX_TOKEN="$(cat .app-center/sandbox-token)"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

if [ -f packages/argocd-sandbox/src/cli.ts ]; then
  node --experimental-strip-types packages/argocd-sandbox/src/cli.ts \
    --data-dir .app-center/sandbox --token "$APP_CENTER_SANDBOX_TOKEN" &
  pids+=($!)
fi

echo "App Center: http://localhost:3000 (backend on :7007). Sign in as guest; the guest is a portal admin."
yarn start
