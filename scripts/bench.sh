#!/usr/bin/env bash
# `make bench`: the benchmarks with their figures (each prints its own).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/toolchain.sh"
cd "$ROOT/plugins/app-center-backend"
# One `run` line per benchmark (a file under plugins/app-center-backend/bench/ printing its own figures).
# BENCH_* variables in the environment are passed on (e.g. BENCH_APPS=200 make bench for a quick look).
run() { echo "== $1"; node --require @backstage/cli/config/nodeTransform.cjs "$1"; echo; }
run bench/git-write.bench.ts
run bench/deploy.bench.ts
