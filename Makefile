# App Center: the two commands of the README. Both make sure of the toolchain first (Node 24 and Yarn 4
# from the npm registry when the machine's own are missing or too old, kept in .toolchain/).
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help start test reliability bench deps clean

help:
	@echo "make start   run the portal with App Center on embedded defaults (http://localhost:3000)"
	@echo "make test    type checks, lint and every test suite (what CI runs)"
	@echo "make reliability   the long reliability run (replicas, SIGKILL, Argo CD faults, bad requests), with figures"
	@echo "make bench   benchmarks, with figures"

start:
	@bash scripts/start.sh

test:
	@bash scripts/test.sh

reliability:
	@bash scripts/reliability.sh

bench:
	@bash scripts/bench.sh

deps:
	@bash scripts/install.sh

clean:
	rm -rf .app-center node_modules packages/*/dist plugins/*/dist dist-types
