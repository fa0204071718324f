# CustomerStore: `make run` runs the main job, `make test` runs the tests.
# Both install missing system packages first when run as root, and otherwise print the
# exact apt-get line to run.

SWIFT ?= swift
APT_PACKAGES := liblmdb-dev

.PHONY: deps build test run bench clean

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

# The main job. Until the CLI's demo lands it builds cstore and shows its help.
run: deps
	$(SWIFT) build --product cstore
	"$$($(SWIFT) build --show-bin-path)/cstore" --help

# The benchmark suites (release build): Engine (wrapper vs raw C) and Lookups
# (CustomerStore vs the raw LMDB floor). CSTORE_BENCH_N sets the number of customers.
bench: deps
	$(SWIFT) package --allow-writing-to-package-directory benchmark

clean:
	rm -rf .build
