/*
 * fuzz.h — what every fuzz target defines (libFuzzer's entry points).
 *
 * The same target sources are linked two ways: with libFuzzer
 * (-fsanitize=fuzzer, build-fuzz/, `make fuzz`), and with replay.c, a plain
 * main() that feeds files to the target, for the regression tests of
 * tests/regress/ in the normal and the ASan builds.
 */
#ifndef GK_FUZZ_H
#define GK_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
