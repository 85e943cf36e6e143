#!/usr/bin/env bash
# `make start`: the portal with App Center on embedded defaults: SQLite under .app-center/, the example
# catalog, and the Argo CD sandbox (Argo CD API + simulated cluster + git server) in place of a real Argo CD.
# Ports: APP_CENTER_FRONTEND_PORT (3000), APP_CENTER_BACKEND_PORT (7007), APP_CENTER_SANDBOX_PORT (7010) and
# APP_CENTER_SANDBOX_GIT_PORT (7011) move them when another program holds the defaults.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
FRONTEND_PORT="${APP_CENTER_FRONTEND_PORT:-3000}"
BACKEND_PORT="${APP_CENTER_BACKEND_PORT:-7007}"
SANDBOX_PORT="${APP_CENTER_SANDBOX_PORT:-7010}"
SANDBOX_GIT_PORT="${APP_CENTER_SANDBOX_GIT_PORT:-7011}"

bash scripts/install.sh
. scripts/toolchain.sh
mkdir -p .app-center

# Refuse at once, naming the port and who holds it, rather than failing later in a wall of logs.
port_holder() {
  local pid=''
  if command -v ss >/dev/null 2>&1; then
    pid="$(ss -ltnpH "sport = :$1" 2>/dev/null | grep -oE 'pid=[0-9]+' | head -n 1 | cut -d= -f2)"
  fi
  if [ -z "$pid" ] && command -v lsof >/dev/null 2>&1; then
    pid="$(lsof -nP -t -iTCP:"$1" -sTCP:LISTEN 2>/dev/null | head -n 1)"
  fi
  if [ -n "$pid" ]; then
    echo "pid $pid: $(ps -o args= -p "$pid" 2>/dev/null | cut -c 1-120)"
  else
    echo "a process this user cannot see (try: sudo ss -ltnp 'sport = :$1')"
  fi
}
port_taken() {
  node -e "const s = require('net').createServer();
    s.once('error', () => process.exit(0));
    s.listen($1, () => s.close(() => process.exit(1)));"
}
taken=0
for spec in "frontend:$FRONTEND_PORT:APP_CENTER_FRONTEND_PORT" "backend:$BACKEND_PORT:APP_CENTER_BACKEND_PORT" \
  "Argo CD sandbox:$SANDBOX_PORT:APP_CENTER_SANDBOX_PORT" "sandbox git server:$SANDBOX_GIT_PORT:APP_CENTER_SANDBOX_GIT_PORT"; do
  IFS=: read -r what port var <<<"$spec"
  if port_taken "$port"; then
    echo "make start: port $port ($what) is already in use by $(port_holder "$port")." >&2
    echo "  Stop that process, or pick another port: $var=<port> make start" >&2
    taken=1
  fi
done
[ "$taken" = 0 ] || exit 1

# A token for the sandbox, made up once per checkout and handed to the backend in the environment.
[ -s .app-center/sandbox-token ] || node -e "console.log(require('crypto').randomBytes(24).toString('hex'))" > .app-center/sandbox-token
export APP_CENTER_SANDBOX_TOKEN="$(cat .app-center/sandbox-token)"

# Moved ports go into an overlay of app-config.yaml (URLs of the portal, the sandbox and its git server).
configs=(--config "$PWD/app-config.yaml")
if [ "$FRONTEND_PORT:$BACKEND_PORT:$SANDBOX_PORT:$SANDBOX_GIT_PORT" != "3000:7007:7010:7011" ]; then
  FRONTEND_PORT=$FRONTEND_PORT BACKEND_PORT=$BACKEND_PORT SANDBOX_PORT=$SANDBOX_PORT SANDBOX_GIT_PORT=$SANDBOX_GIT_PORT \
    node -e "
    const YAML = require('yaml');
    const e = process.env;
    const base = YAML.parse(require('fs').readFileSync('app-config.yaml', 'utf8'));
    const appCenter = JSON.parse(JSON.stringify(base.appCenter)
      .replaceAll('127.0.0.1:7010', '127.0.0.1:' + e.SANDBOX_PORT)
      .replaceAll('127.0.0.1:7011', '127.0.0.1:' + e.SANDBOX_GIT_PORT));
    const overlay = {
      app: { baseUrl: 'http://localhost:' + e.FRONTEND_PORT },
      backend: {
        baseUrl: 'http://localhost:' + e.BACKEND_PORT,
        listen: { port: Number(e.BACKEND_PORT) },
        cors: { origin: 'http://localhost:' + e.FRONTEND_PORT },
      },
      appCenter,
    };
    process.stdout.write('# Written by scripts/start.sh for moved ports.\n' + YAML.stringify(overlay));
  " > .app-center/app-config.ports.yaml
  configs+=(--config "$PWD/.app-center/app-config.ports.yaml")
fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

# The sandbox keeps its state in memory and its git repositories under .app-center/sandbox; on first run
# it creates the example GitOps repository (project shop, apps web and api) that app-config.yaml points at.
# The token goes in files, not on the command line, where `ps` would show it.
node --experimental-strip-types --disable-warning=MODULE_TYPELESS_PACKAGE_JSON packages/argocd-sandbox/src/cli.ts \
  --port "$SANDBOX_PORT" --git-port "$SANDBOX_GIT_PORT" \
  --data-dir .app-center/sandbox --token-file .app-center/sandbox-token --git-token-file .app-center/sandbox-token &
pids+=($!)
for _ in $(seq 1 60); do
  node -e "fetch('http://localhost:$SANDBOX_PORT/api/version').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" && break
  kill -0 "${pids[0]}" 2>/dev/null || { echo "the Argo CD sandbox did not start" >&2; exit 1; }
  sleep 0.5
done

yarn start "${configs[@]}" &
pids+=($!)

# The tour, once both halves answer (the frontend's first compile takes a minute or two).
portal="http://localhost:$FRONTEND_PORT"
ready=0
for _ in $(seq 1 600); do
  kill -0 "${pids[1]}" 2>/dev/null || break
  if node -e "Promise.all([
      fetch('http://localhost:$BACKEND_PORT/.backstage/health/v1/readiness'), fetch('$portal')
    ]).then(rs => process.exit(rs.every(r => r.ok) ? 0 : 1), () => process.exit(1))"; then
    ready=1
    break
  fi
  sleep 1
done
if [ "$ready" = 1 ]; then
  cat <<EOF

App Center is up: $portal (backend on :$BACKEND_PORT). Sign in as guest; the guest is a portal admin.
A five-step tour with the example web shop (the Argo CD sandbox plays the cluster):
  1. Open shop-web:   $portal/catalog/default/component/shop-web/app-center-deployments
  2. Deploy a tag:    on the Test row press Associate (the first time), then Deploy and pick 1.1.0 from the
                      tag list (the sandbox serves the example images' registry; a -bad tag never becomes ready).
  3. Watch it:        the task's steps run live in the dialog; the row turns Synced and Healthy with the new image.
                      Deploy once more with 1.2.0, so that there is a revision to go back to.
  4. Resource status: open the app in its environment,
                      $portal/app-center/projects/shop/environments/test/apps/web
                      and its Resource status tab: the live tree, and each pod's events and logs.
  5. Roll back:       on that page press Rollback, pick the revision with 1.1.0, check the change and confirm.
Admin page (tenants, projects, environments): $portal/app-center/admin. Stop with Ctrl-C.

EOF
fi
wait "${pids[1]}"
