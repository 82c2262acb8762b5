#!/bin/sh
# bench/seed_gc.sh BUILD - the seed catalog's slowest verification: seed
# 001's fixed IPoIB neighbour code, its xmit-against-garbage-collector test
# (examples/seeds/ipoib_neigh_path/after.c), searched exhaustively at
# preemption bound 1 on one worker.  Issue 11 recorded 1.15 million
# schedules in 25 s for it before the optimal reduction; the target is 5x
# faster.  That figure is the issue's, not re-measured here (the old
# explorer is gone), so the ratio printed is against it.
set -eu
build=${1:-build}
prog="$build/examples/seeds/ipoib_neigh_path/after"
[ -x "$prog" ] || { echo "seed_gc.sh: $prog not built" >&2; exit 2; }
. "$(dirname "$0")/cpu.sh"
bench_pin "$build" # one processor (bench/cpu.sh)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for i in 1 2 3; do
	$PIN "$prog" --strategy=dfs --preemption-bound=1 --iterations=1000000 \
		--time-limit=0 --jobs=1 --filter=xmit_vs_gc --format=json >>"$out"
	echo >>"$out"
done
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
v=$(sed -n 's/.*"verdict":"\([a-z]*\)".*/\1/p' "$out" | head -n 1)
n=$(sed -n 's/.*"executions":\([0-9]*\).*/\1/p' "$out" | head -n 1)
s=$(sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p' "$out" | median)
awk -v v="$v" -v n="$n" -v s="$s" 'BEGIN {
	printf "seed 001 GC verification (bound 1): %s, %d schedules, %.2f s (median of 3); against issue 11'"'"'s 25 s: %.1fx (target >= 5)\n", v, n, s, (s > 0 ? 25 / s : 0) }'
