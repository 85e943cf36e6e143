#!/usr/bin/env bash
# Makes sure of the system programs App Center's test suites use: PostgreSQL (database tests), git with its
# http-backend (GitOps tests), Debian's docker-registry (registry tests) and Chromium (browser tests).
# As root on Debian it installs what is missing through apt; elsewhere it names what is missing and stops.
set -euo pipefail

missing=()
have_pg() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; }
have_pg || missing+=(postgresql)
[ -x /usr/lib/git-core/git-http-backend ] || missing+=(git)
# The registry tests: a real registry, htpasswd for its Basic users, openssl for its token signing key.
command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
command -v htpasswd >/dev/null 2>&1 || missing+=(apache2-utils)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# Fonts so screenshots show text; Chromium alone may come without any.
fc-list 2>/dev/null | grep -qi 'dejavu\|liberation' || missing+=(fonts-dejavu-core)
for extra in ${APP_CENTER_EXTRA_DEBIAN_PACKAGES:-}; do
  dpkg -s "$extra" >/dev/null 2>&1 || missing+=("$extra")
done

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: installing ${missing[*]} with apt" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi

echo "system-deps: the test suites need these Debian packages, which are missing: ${missing[*]}" >&2
echo "system-deps: install them (sudo apt-get install ${missing[*]}) or run make test as root on Debian." >&2
exit 1
