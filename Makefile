# gov-leaderboard — two commands do everything on a fresh machine:
#   make demo   build and serve the demo on http://127.0.0.1:8080
#   make test   every test: native, wasm, end-to-end in Chromium
SHELL := /bin/bash
.DEFAULT_GOAL := help
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

CARGO   ?= cargo
NODE    ?= node
BIN     := target/release/gov-leaderboard
DEBUG_BIN := target/debug/gov-leaderboard
CHROMIUM ?= /usr/bin/chromium
WASM_BINDGEN_VERSION := 0.2.130

# Browser build settings live in wasm-pack.toml; read them from there.
setting = $(shell sed -n 's/^$(1) *= *"\(.*\)"/\1/p' wasm-pack.toml)
WASM_TARGET := $(call setting,target)
PKG         := $(call setting,out-dir)
OUT_NAME    := $(call setting,out-name)
WASM_OPT    := $(call setting,wasm-opt)
WASM_OPT_AFTER_ORDER := $(call setting,wasm-opt-after-order)
BINDGEN_TARGET := $(call setting,bindgen-target)
WASM_PROFILE := $(call setting,profile)
NPM_PROFILE := $(call setting,npm-profile)
NPM_WASM_OPT := $(call setting,npm-wasm-opt)
WASM        := target/$(WASM_TARGET)/$(NPM_PROFILE)/gov_leaderboard.wasm
ELEMENT_NIGHTLY   := $(call setting,element-nightly)
ELEMENT_RUSTFLAGS := $(call setting,element-rustflags)
ELEMENT_BUILD_STD := $(call setting,element-build-std)
ELEMENT_BUILD_STD_FEATURES := $(call setting,element-build-std-features)
# The machine's `nightly` when it is the pinned one, else the pinned nightly by its date.
ELEMENT_TOOLCHAIN := $(shell rustup run nightly rustc --version 2>/dev/null | grep -q "$(ELEMENT_NIGHTLY)" && echo nightly || echo nightly-$(ELEMENT_NIGHTLY))
WASM_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types
ELEMENT_WASM := target/element/$(WASM_TARGET)/$(WASM_PROFILE)/gov_leaderboard.wasm

.PHONY: fuzz soak bench
.PHONY: import-demo
.PHONY: help setup setup-rust setup-browser setup-node setup-frameworks build cli pkg data demo static-demo test test-native test-wasm test-e2e fmt clean

help:
	@echo "make demo    build everything and serve the demo on http://127.0.0.1:8080"
	@echo "make test    run every test (installs what is missing first)"
	@echo "make build   build the native CLI ($(BIN))"
	@echo "make data    generate the large illustrative feeds into www/data/generated/"

# ---- set-up: each step is skipped when already done ----
setup: setup-rust setup-browser setup-node

setup-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@rustup run $(ELEMENT_TOOLCHAIN) rustc --version >/dev/null 2>&1 || rustup toolchain install $(ELEMENT_TOOLCHAIN) --profile minimal
	@rustup component list --toolchain $(ELEMENT_TOOLCHAIN) --installed | grep -q '^rust-src' || rustup component add rust-src --toolchain $(ELEMENT_TOOLCHAIN)
	@# Without --locked: its own lockfile wants a crate version this registry mirror lacks.
	@wasm-bindgen --version 2>/dev/null | grep -q "$(WASM_BINDGEN_VERSION)" || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

setup-browser:
	@if [ ! -x $(CHROMIUM) ] || ! command -v chromedriver >/dev/null; then \
	  echo "installing Debian's chromium and chromium-driver"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	fi

setup-node: node_modules/.package-lock.json
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# The front-end stacks of tests/frameworks/ (Vite, Astro, Next.js, webpack, Vitest, TypeScript),
# installed once from their lock file and shared by every fixture app.
setup-frameworks: tests/frameworks/node_modules/.package-lock.json
tests/frameworks/node_modules/.package-lock.json: tests/frameworks/package.json tests/frameworks/package-lock.json
	cd tests/frameworks && npm ci --no-audit --no-fund
	@touch $@

# ---- build ----
build: cli pkg
cli:
	$(CARGO) build --release --locked --bin gov-leaderboard

# The npm package folder (wasm-pack layout) and its deployable copy at www/pkg/. Two builds of
# the same crate: with the npm functions (rank, renderStatic: index.js) and without them for
# the element (element.js), which every reader of an article with a live board downloads.
pkg: setup-rust setup-node
	rm -rf $(PKG)
	@# The npm build: speed (opt-level 3); the element's below: size.
	$(CARGO) build --profile $(NPM_PROFILE) --locked --lib --target $(WASM_TARGET)
	wasm-bindgen --target $(BINDGEN_TARGET) --no-typescript --out-dir $(PKG) --out-name $(OUT_NAME) $(WASM)
	@# The element: pinned nightly, std rebuilt without panic machinery (see wasm-pack.toml).
	RUSTFLAGS="$(ELEMENT_RUSTFLAGS)" CARGO_TARGET_DIR=target/element $(CARGO) +$(ELEMENT_TOOLCHAIN) build --profile $(WASM_PROFILE) --locked --lib \
	  --target $(WASM_TARGET) --no-default-features -Zbuild-std=$(ELEMENT_BUILD_STD) -Zbuild-std-features=$(ELEMENT_BUILD_STD_FEATURES)
	wasm-bindgen --target $(BINDGEN_TARGET) --no-typescript --out-dir $(PKG) --out-name $(OUT_NAME)_element $(ELEMENT_WASM)
	@# npm binaryen's wasm-opt (never Debian's: it corrupts externref tables).
	node_modules/.bin/wasm-opt $(NPM_WASM_OPT) $(WASM_FEATURES) $(PKG)/$(OUT_NAME)_bg.wasm -o $(PKG)/$(OUT_NAME)_bg.wasm
	$(NODE) www/dev/build-pkg.mjs $(PKG)
	@# The element's wasm-opt runs after build-pkg.mjs: the exports its glue never calls are
	@# gone by then, so wasm-opt drops the code only they reached.
	node_modules/.bin/wasm-opt $(WASM_OPT) $(WASM_FEATURES) $(PKG)/$(OUT_NAME)_element_bg.wasm -o $(PKG)/$(OUT_NAME)_element_bg.wasm
	@# Its functions laid out for gzip (see order-functions.mjs), and shrunk once more.
	$(NODE) www/dev/order-functions.mjs $(PKG)/$(OUT_NAME)_element_bg.wasm
	node_modules/.bin/wasm-opt $(WASM_OPT_AFTER_ORDER) $(WASM_FEATURES) $(PKG)/$(OUT_NAME)_element_bg.wasm -o $(PKG)/$(OUT_NAME)_element_bg.wasm
	rm -rf www/pkg && cp -r $(PKG) www/pkg
	@# What a page with a live board downloads, each file gzipped as a server would send it.
	@$(NODE) www/dev/embed-weight.mjs $(PKG)

data: setup-node
	@mkdir -p www/data/generated
	$(NODE) www/dev/sample-feeds.mjs large 300 90 www/data/generated/large-300.json www/data/generated/large-300.csv
	$(NODE) www/dev/sample-feeds.mjs large 4000 90 www/data/generated/large-4000.json

# ---- demo ----
static-demo: cli
	@mkdir -p www/generated
	@{ echo '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'; \
	   echo '<title>gov-leaderboard static boards</title><link rel="icon" href="../favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="../gov-leaderboard.css"><link rel="stylesheet" href="../dev/demo.css"></head><body><main class="article">'; \
	   echo '<h1>Static boards (no JavaScript)</h1><p>Rendered by <code>gov-leaderboard render</code> from <code>www/data/seed.json</code>.</p>'; \
	   for l in ar-EG en fr de; do echo "<section><h2>$$l</h2>"; $(BIN) render www/data/seed.json --locale $$l --pin eg-moi; echo '</section>'; done; \
	   echo '<section><h2>ar-EG, trend</h2>'; $(BIN) render www/data/seed.json --locale ar-EG --chart trend --top 5 --pin eg-moi; echo '</section>'; \
	   echo '</main></body></html>'; } > www/generated/static.html
	@echo "wrote www/generated/static.html"

# The data desk's daily job on the demo's sample CrowdTangle export: `import --into` the feed
# that the demo's imported board polls (running it again changes nothing).
import-demo: cli
	@mkdir -p www/generated
	@# The feed starts from a base with its title and source; import keeps them.
	@[ -f www/generated/imported.json ] || cp www/data/crowdtangle-feed-base.json www/generated/imported.json
	$(BIN) import www/data/crowdtangle-sample.csv --pages www/data/crowdtangle-pages.csv --into www/generated/imported.json

demo: setup-node pkg static-demo import-demo
	$(NODE) www/dev/server.mjs --port 8080

# ---- tests ----
test: setup test-native test-wasm test-e2e
	@echo "make test: all passed"

test-native:
	$(CARGO) fmt --check
	$(CARGO) test --locked --no-fail-fast
	@# The formatter against the ICU of the Node on this machine, not only the committed copy.
	$(NODE) tests/intl/generate.mjs target/intl-node.json
	INTL_FIXTURE=target/intl-node.json $(CARGO) test --locked --test intl

# The browser layer in headless Chromium (wasm-bindgen-test), which also builds the core for wasm32.
test-wasm: setup-rust setup-browser
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=$$(command -v chromedriver) \
	  WASM_BINDGEN_TEST_WEBDRIVER_JSON=$(CURDIR)/tests/webdriver.json \
	  $(CARGO) test --locked --target wasm32-unknown-unknown --test web

test-e2e: setup-browser setup-node setup-frameworks pkg
	$(CARGO) build --locked --bin gov-leaderboard
	GOV_LEADERBOARD_BIN=$(DEBUG_BIN) CHROMIUM=$(CHROMIUM) $(NODE) --test --test-concurrency=1 --test-timeout=180000 tests/e2e/

# ---- longer runs (not part of make test) ----
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := json_feed csv_feed rank import_export
# Each target for FUZZ_SECONDS with libFuzzer (nightly). New inputs go to target/fuzz-corpus/;
# a crash is written to tests/fuzz/regressions/, which `cargo test` replays from then on.
fuzz:
	@command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz
	@mkdir -p tests/fuzz/regressions
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p target/fuzz-corpus/$$t; \
	  cargo +nightly fuzz run --fuzz-dir tests/fuzz $$t target/fuzz-corpus/$$t tests/fuzz/corpus/$$t -- \
	    -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -max_len=262144 -timeout=10 \
	    -artifact_prefix=$(CURDIR)/tests/fuzz/regressions/$$t- 2> target/fuzz-$$t.log; \
	  echo "$$t: exit $$?, $$(grep -o 'Done [0-9]* runs in [0-9]* second(s)' target/fuzz-$$t.log | tail -1), corpus $$(ls target/fuzz-corpus/$$t | wc -l) new inputs, crashes $$(ls tests/fuzz/regressions | grep -c "^$$t-")"; \
	done

SOAK_UPDATES ?= 10000
# One page through SOAK_UPDATES live updates against the local feed server, then 1,000
# attach/remove cycles; prints JS heap and wasm memory at start and end.
soak: setup-browser setup-node pkg
	SOAK_UPDATES=$(SOAK_UPDATES) $(NODE) tests/e2e/soak.mjs

# One table of figures, each against a baseline measured in the same run (tests/bench/).
bench: setup-browser setup-node pkg cli
	@/usr/bin/python3 -c "import pandas" 2>/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pandas >/dev/null) || echo "pandas unavailable: the import row has no baseline"
	$(NODE) tests/bench/bench.mjs

fmt:
	$(CARGO) fmt

clean:
	rm -rf target pkg www/generated www/data/generated
