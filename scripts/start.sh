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

# The sandbox keeps its state in memory and its git repositories under .app-center/sandbox; on first run
# it creates the example GitOps repository (project shop, apps web and api) that app-config.yaml points at.
node --experimental-strip-types --disable-warning=MODULE_TYPELESS_PACKAGE_JSON packages/argocd-sandbox/src/cli.ts \
  --data-dir .app-center/sandbox --token "$APP_CENTER_SANDBOX_TOKEN" --git-token "$APP_CENTER_SANDBOX_TOKEN" &
pids+=($!)
for _ in $(seq 1 60); do
  node -e "fetch('http://localhost:7010/api/version').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" && break
  kill -0 "${pids[0]}" 2>/dev/null || { echo "the Argo CD sandbox did not start" >&2; exit 1; }
  sleep 0.5
done

echo "App Center: http://localhost:3000 (backend on :7007). Sign in as guest; the guest is a portal admin."
yarn start
