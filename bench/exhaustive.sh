#!/bin/sh
# bench/exhaustive.sh BUILD - the exhaustive (optimal DPOR) search on
# workloads whose number of Mazurkiewicz traces is known (bench/exhaustive.c):
# executions explored (must equal the trace count), median seconds of 3
# runs, executions/s.
set -eu
build=${1:-build}
prog="$build/bench/exhaustive"
[ -x "$prog" ] || { echo "exhaustive.sh: $prog not built" >&2; exit 2; }
. "$(dirname "$0")/cpu.sh"
bench_pin "$build" # one processor (bench/cpu.sh)
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
for t in writer_12_readers:4096 cas_chain_7:523 cas_family_6:75876 adds_3x4:34650 adds_3x5:756756; do
	name=${t%%:*}
	want=${t##*:}
	out=$(mktemp)
	for i in 1 2 3; do
		$PIN "$prog" --strategy=dfs --iterations=0 --time-limit=0 \
			--filter="$name" --format=json >>"$out"
		echo >>"$out"
	done
	n=$(sed -n 's/.*"executions":\([0-9]*\).*/\1/p' "$out" | head -n 1)
	v=$(sed -n 's/.*"verdict":"\([a-z]*\)".*/\1/p' "$out" | head -n 1)
	s=$(sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p' "$out" | median)
	rm -f "$out"
	awk -v name="$name" -v n="$n" -v want="$want" -v v="$v" -v s="$s" 'BEGIN {
		printf "exhaustive %-18s %s: %d executions (traces: %d, %s), %.2f s (median of 3), %.0f executions/s\n",
			name, v, n, want, (n == want ? "optimal" : (n < want ? "UNSOUND" : sprintf("%.1fx the traces", n / want))), s, (s > 0 ? n / s : 0) }'
done
