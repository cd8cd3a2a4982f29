# Thin wrapper over CMake with the verbs a person types.
#   make        build build/gongkai and the library
#   make test   build and run every test
#   make demo   run gongkai on the project's own example documents
#   make asan   build and run the tests under ASan + UBSan (build-asan/)
#   make bench  reading/checking cost, as a ratio to wc -m (bench/run.sh)
#   make install PREFIX=/usr/local   the program, its man page and docs
#   make fuzz   libFuzzer targets (fuzz/), each run FUZZ_SECONDS (60) on seeds (build-fuzz/)
#   make clean  remove the build trees

BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps test demo asan bench clean install

PREFIX ?= /usr/local

all: deps
	@test -f $(BUILD)/CMakeCache.txt || cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

deps:
	@./scripts/bootstrap.sh

test: all
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

demo: all
	@./scripts/demo.sh $(BUILD)/gongkai

asan: deps
	@test -f $(ASAN_BUILD)/CMakeCache.txt || cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DGK_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)

install: all
	@cmake --install $(BUILD) --prefix "$(PREFIX)"

bench: all
	@./bench/run.sh

FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz:
	@./scripts/bootstrap.sh fuzz
	@test -f $(FUZZ_BUILD)/CMakeCache.txt || CC=clang cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGK_FUZZ=ON >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_all gongkai
	@./fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
