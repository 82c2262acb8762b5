#!/bin/sh
# tools/fuzz.sh FUZZ_BUILD SECONDS - `make fuzz`: libFuzzer on the replay
# token decoder and the option parser (tests/fuzz/fuzz_*.c), SECONDS each,
# under AddressSanitizer and UndefinedBehaviorSanitizer, starting from the
# regression corpus in tests/fuzz/TARGET/ (which the unit tests replay on
# every make test).  A crash stops with the input saved under
# FUZZ_BUILD/crashes/: copy it into tests/fuzz/TARGET/ with the fix.
set -eu
out=$1
seconds=$2
cc=${FUZZ_CC:-clang}
san="-fsanitize=address,undefined -fno-sanitize-recover=all"

mkdir -p "$out"
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)\n{ (void)d; (void)n; return 0; }\n' >"$out/probe.c"
if ! "$cc" -fsanitize=fuzzer "$out/probe.c" -o "$out/probe" 2>/dev/null; then
	echo "make fuzz: $cc cannot link libFuzzer (-fsanitize=fuzzer), so nothing was fuzzed."
	echo "  Its runtime comes with clang's compiler-rt; on Debian or Ubuntu:"
	echo "  apt-get install clang libclang-rt-14-dev (the version of your clang),"
	echo "  or set FUZZ_CC to a clang that has it."
	exit 0
fi
# The core, built by clang with coverage for the fuzzer, like the
# sanitizer build of make test (no pthread layer, no race detector).
${MAKE:-make} --no-print-directory CORE_ONLY=1 CC="$cc" BUILD="$out" \
	SAN="$san -fsanitize=fuzzer-no-link" "$out/lib/libweft.a"
mkdir -p "$out/crashes"
for t in token options; do
	"$cc" -std=c11 -O1 -g -D_GNU_SOURCE -Iinclude -Isrc $san -fsanitize=fuzzer \
		"tests/fuzz/fuzz_$t.c" "$out/lib/libweft.a" -ldl -lm -o "$out/fuzz_$t"
	rm -rf "$out/corpus_$t"
	mkdir -p "$out/corpus_$t"
	cp tests/fuzz/$t/* "$out/corpus_$t/"
	echo "make fuzz: $t for $seconds s"
	"$out/fuzz_$t" -max_total_time="$seconds" -print_final_stats=1 \
		-artifact_prefix="$out/crashes/$t-" "$out/corpus_$t" 2>"$out/fuzz_$t.log" ||
		{ tail -n 40 "$out/fuzz_$t.log"; echo "make fuzz: $t crashed; the input is in $out/crashes/"; exit 1; }
	grep -E '^stat::number_of_executed_units|^Done' "$out/fuzz_$t.log" || true
done
echo "make fuzz: no crash"
