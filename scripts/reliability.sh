#!/usr/bin/env bash
# `make reliability`: the long run of the reliability suite (e2e/reliability.test.mjs; `make test` runs its short
# version): 200 mixed operations through two replicas, 20 tasks cut by a SIGKILL, a minute of Argo CD failing
# 30% of calls, over 1,000 bad requests, and the secret and error-shape screens. Prints the figures.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/system-deps.sh
bash scripts/install.sh
. scripts/toolchain.sh
pg_env="$(bash scripts/test-postgres.sh start)" || { echo "could not start PostgreSQL"; exit 1; }
export "${pg_env?}"
trap 'bash scripts/test-postgres.sh stop' EXIT
# The suite screens the built frontend for secrets: build it when it is not there.
[ -f packages/app/dist/index.html ] || yarn workspace app build
APP_CENTER_RELIABILITY=long node --test --test-concurrency=1 e2e/reliability.test.mjs
