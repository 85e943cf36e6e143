#!/usr/bin/env bash
# `make bench` / `yarn bench`: every benchmark at full size, one table of figures against their baselines
# measured in the same run, written to bench/results.json (git-ignored: figures belong to a machine and a
# moment). `make test` runs the same benchmarks at a small size as a smoke step (scripts/test.sh).
# Arguments: an optional name filter (e.g. `bash scripts/bench.sh deploy`). BENCH_SIZE=smoke for small sizes;
# BENCH_* variables (e.g. BENCH_APPS=200) override single sizes; see docs/performance.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/toolchain.sh"
cd "$ROOT/plugins/app-center-backend"
BENCH_SIZE="${BENCH_SIZE:-full}" exec node --require @backstage/cli/config/nodeTransform.cjs bench/run.ts "$@"
