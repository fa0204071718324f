# CustomerStore: `make run` runs the main job, `make test` runs the tests.
# Both install missing system packages first when run as root, and otherwise print the
# exact apt-get line to run.

SWIFT ?= swift
# Extra flags for the benchmark targets' `swift package` command, e.g.
# SWIFT_BUILD_FLAGS="--scratch-path .build-report" for a build folder of one's own. Empty by default.
SWIFT_BUILD_FLAGS ?=
PYTHON ?= python3
# libsqlite3-dev: the benchmarks' SQLite baseline.
APT_PACKAGES := liblmdb-dev libsqlite3-dev

.PHONY: deps build test run bench bench-quick clean

deps:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
		dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing$$missing"; \
			DEBIAN_FRONTEND=noninteractive apt-get update && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y$$missing; \
		else \
			echo "Missing system packages. Install them with:"; \
			echo "  sudo apt-get update && sudo apt-get install -y$$missing"; \
			exit 1; \
		fi; \
	fi

build: deps
	$(SWIFT) build

test: deps
	$(SWIFT) test

# The main job: cstore demo builds a store of generated customers (DEMO_CUSTOMERS, default
# 200,000) in a temporary directory and shows lookups, filters and counts with their times.
# A release build, so the times mean something.
DEMO_CUSTOMERS ?= 200000
run: deps
	$(SWIFT) build -c release --product cstore
	"$$($(SWIFT) build -c release --show-bin-path)/cstore" demo --customers $(DEMO_CUSTOMERS)

# The benchmark suites, Engine, Lookups, Writes and Filters (BENCH_ALL_SUITES; release build,
# every suite in one package-benchmark run), then
# scripts/benchmark-report.py rewrites this N's generated block of BENCHMARKS.md.
#   make bench                          N = 100,000 (CSTORE_BENCH_N)
#   make bench CSTORE_BENCH_N=1000000   the documented figures
#   make bench-quick                    N = 20,000, short sampling (CSTORE_BENCH_MAX_SECONDS)
# The fixtures directory is wiped first so no stale fixture is reused. The run is stored as
# package-benchmark baseline $(BENCH_BASELINE) (.benchmarkBaselines/<Suite>/$(BENCH_BASELINE)/
# results.json), which the script reads; the previous one is removed first.
CSTORE_BENCH_N ?= 100000
CSTORE_BENCH_FIXTURES ?= $(or $(TMPDIR),/tmp)/cstore-bench-fixtures
BENCH_BASELINE ?= report
# Every suite. Named, not left to package-benchmark's discovery, which would also run the
# Profile driver (an executable under Benchmarks/ that is not a suite) and fail.
BENCH_ALL_SUITES := Engine Lookups Writes Filters
# Only these suites (e.g. BENCH_SUITES="Engine Lookups", BENCH_SUITES=Filters); all of them
# when empty. The block written then shows only these suites.
BENCH_SUITES ?=
BENCH_QUICK_N ?= 20000
BENCH_QUICK_MAX_SECONDS ?= 1

# $(call run-benchmarks,N,extra environment,command shown in BENCHMARKS.md)
define run-benchmarks
	rm -rf "$(CSTORE_BENCH_FIXTURES)" .benchmarkBaselines/*/$(BENCH_BASELINE)
	CSTORE_BENCH_N=$(1) CSTORE_BENCH_FIXTURES="$(CSTORE_BENCH_FIXTURES)" $(2) \
		$(SWIFT) package $(SWIFT_BUILD_FLAGS) --allow-writing-to-package-directory \
		benchmark baseline update $(BENCH_BASELINE) --no-progress \
		$(foreach suite,$(or $(BENCH_SUITES),$(BENCH_ALL_SUITES)),--target $(suite))
	SWIFT="$(SWIFT)" $(PYTHON) scripts/benchmark-report.py --results .benchmarkBaselines \
		--baseline $(BENCH_BASELINE) --n $(1) --output BENCHMARKS.md --command "$(3)"
endef

bench_suites_shown = $(if $(BENCH_SUITES), BENCH_SUITES='$(BENCH_SUITES)')

bench: deps
	$(call run-benchmarks,$(CSTORE_BENCH_N),,make bench CSTORE_BENCH_N=$(CSTORE_BENCH_N)$(bench_suites_shown))

bench-quick: deps
	$(call run-benchmarks,$(BENCH_QUICK_N),CSTORE_BENCH_MAX_SECONDS=$(BENCH_QUICK_MAX_SECONDS),make bench-quick$(if $(filter-out 20000,$(BENCH_QUICK_N)), BENCH_QUICK_N=$(BENCH_QUICK_N))$(bench_suites_shown))

clean:
	rm -rf .build
