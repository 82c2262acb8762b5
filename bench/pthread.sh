#!/bin/sh
# bench/pthread.sh BUILD - cost of instrumented accesses in pthread mode.
# Runs bench/pthread_accesses (2 threads x N reads + N writes, no races)
# for N = 1000 and N = 0, five times each, and prints medians: executions
# per second for the 2 x 1000 program, and ns per access (the difference of
# the two, divided by the accesses made).  Targets: >= 5000 executions/s,
# <= 12 ns per access (issue 11).  bench/ab.sh takes the same cost in CPU
# time, for two builds at once.
set -eu
build=${1:-build}
prog="$build/bench/pthread_accesses"
iters=${ITERS:-2000}
[ -x "$prog" ] || { echo "pthread.sh: $prog not built" >&2; exit 2; }
. "$(dirname "$0")/cpu.sh"
bench_pin "$build" # one processor (bench/cpu.sh)

secs() { # N [RESTORE] -> seconds weft reports for $iters random executions
	WEFT_RESTORE=${2:-} \
	WEFT_OPTIONS="--strategy=random --iterations=$iters --format=json" \
		$PIN "$prog" "$1" 2>/dev/null | sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p'
}
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

# Rounds interleave the default restore (written pages only) with the full
# copy of the program's 1.6 MB of data (WEFT_RESTORE=copy, the restore
# before issue 11's change), so the ratio is taken under the same load.
# The cost of an access compares N=1000 with N=0 under the full copy, where
# both restore the same bytes (written pages would add the first-write
# faults of the pages N=1000 touches).
for i in 1 2 3 4 5; do
	echo "$(secs 1000) $(secs 1000 copy) $(secs 0 copy)"
done >"${TMPDIR:-/tmp}/weft_pt.$$"
col() { awk -v c="$1" '{print $c}' "${TMPDIR:-/tmp}/weft_pt.$$" | median; }
full=$(col 1)
copy=$(col 2)
empty=$(col 3)
rm -f "${TMPDIR:-/tmp}/weft_pt.$$"
awk -v f="$full" -v c="$copy" -v e="$empty" -v n="$iters" 'BEGIN {
	acc = n * 2 * 2000;   # executions x threads x (reads + writes)
	printf "pthread 2x1000 accesses: %.0f executions/s (median of 5, %d executions each; target >= 5000)\n", n / f, n;
	printf "  against the full copy of the data each execution (WEFT_RESTORE=copy, %.0f/s): %.2fx (target >= 2, issue 11)\n", n / c, c / f;
	printf "pthread instrumented access: %.1f ns (median difference N=1000 vs N=0, both restoring all data; target <= 12)\n", (c - e) * 1e9 / acc;
}'
