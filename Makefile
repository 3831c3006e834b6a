# The two commands that matter: `make demo` and `make test` (see README.md).
# Every target is idempotent and works on a fresh machine that has only Rust.
SHELL := /bin/bash
.DEFAULT_GOAL := demo
CARGO ?= cargo

.PHONY: setup sysroot linker runner build demo test test-unit test-diff bench clean

## Install the wasm32-wasip1 target and the reference toolchain (rustup, apt).
setup:
	@bash scripts/setup.sh

## Build libc.a and the crt objects into target/sysroot/lib/wasm32-wasip1/.
sysroot: setup
	@echo "==> build: sysroot (libc-wasip1 -> libc.a, crt/ -> crt1-*.o)"
	@$(CARGO) run --quiet --release -p xtask -- sysroot

## The linker, built after the sysroot so that it embeds it.
linker: sysroot
	@echo "==> build: wasip1-ld (embeds target/sysroot)"
	@$(CARGO) build --quiet --release -p wasip1-ld

runner:
	@echo "==> build: wasip1-run (wasmtime 48)"
	@$(CARGO) build --quiet --release -p wasip1-run

## Linker at target/release/wasip1-ld, runner, sysroot at target/sysroot.
build: linker runner

## Build the examples with wasip1-ld + libc-wasip1 and run them.
demo: build
	@bash scripts/demo.sh

## Every test: unit and integration tests, then the differential harness.
## Both always run; the target fails if either failed.
test: build
	@status=0; \
	echo "==> test: cargo test --workspace (linker, runner, harness, xtask, bench)"; \
	$(CARGO) test --release --workspace --no-fail-fast || status=1; \
	echo "==> test: differential harness (4 cells per program)"; \
	$(CARGO) run --quiet --release -p conformance --bin harness || status=1; \
	echo "==> test: libc.a symbols and wasm types against the reference libc.a"; \
	$(CARGO) run --quiet --release -p xtask -- check || status=1; \
	echo "==> test: libc bottom-half programs, ours against wasi-libc"; \
	$(CARGO) run --quiet --release -p xtask -- difftest || status=1; \
	echo "==> test: libc top-half programs against wasi-libc's recorded output (wasm-ld-19, then wasip1-ld)"; \
	bash libc-wasip1/tests/c/run.sh || status=1; \
	LD=target/release/wasip1-ld bash libc-wasip1/tests/c/run.sh || status=1; \
	echo "==> test: printf byte for byte against wasi-libc (fixed, random and extreme formats)"; \
	bash libc-wasip1/tests/bench/compare.sh || status=1; \
	echo "==> test: generated tables are what their generators print"; \
	bash scripts/check-generated.sh || status=1; \
	if [ $$status = 0 ]; then echo "==> test: all suites passed"; else echo "==> test: some suites FAILED"; fi; \
	exit $$status

## One part at a time.
test-unit: build
	@$(CARGO) test --release --workspace --no-fail-fast

test-diff: build
	@$(CARGO) run --quiet --release -p conformance --bin harness

## Benchmarks (not tests): link speed (wasip1-ld vs rust-lld vs wasm-ld-19)
## and libc speed (libc-wasip1 vs wasi-libc under wasmtime), as ratios.
bench: build
	@echo "==> bench: linking bench/bigapp's captured debug and release links"
	@$(CARGO) run --quiet --release -p bench --bin linkbench
	@echo "==> bench: libc-wasip1 vs wasi-libc (memcpy, strlen, malloc, printf, qsort, stdio)"
	@$(CARGO) run --quiet --release -p bench --bin libcbench

clean:
	$(CARGO) clean
