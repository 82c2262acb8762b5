#!/bin/sh
# bench/parallel.sh BUILD - the exhaustive search in parts: wall-clock time
# of --jobs=1..N on one machine (N = the processors, 2 to 8), medians of 3
# runs, as ratios to the unsplit search (--jobs=1) measured in the same
# run, and to one process with the 2 jobs' split (what the split costs).
# Every row must explore the same number of complete executions as
# the unsplit search (the parts add up exactly); the target is a speed-up
# of at least 1.7 with 2 jobs.
set -eu
build=${1:-build}
prog="$build/bench/exhaustive"
[ -x "$prog" ] || { echo "parallel.sh: $prog not built" >&2; exit 2; }
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
now() { date +%s.%N; }
ncpu=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
[ "$ncpu" -ge 2 ] || ncpu=2
[ "$ncpu" -le 8 ] || ncpu=8
echo "== parallel exhaustive search ($(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') processors; default split: 8 leaves per job, at least 16)"
run() { # test, label, flags...
	test=$1
	label=$2
	shift 2
	times=$(mktemp)
	for i in 1 2 3; do
		t0=$(now)
		out=$("$prog" --strategy=dfs --iterations=0 --time-limit=0 \
			--filter="$test" --format=json "$@")
		t1=$(now)
		echo "$t1 $t0" | awk '{ print $1 - $2 }' >>"$times"
	done
	n=$(printf '%s\n' "$out" | sed -n 's/.*"executions":\([0-9]*\).*/\1/p')
	s=$(median <"$times")
	rm -f "$times"
	echo "$label $n $s"
}
for test in cas_family_6 adds_3x4; do
	rows=$(mktemp)
	run "$test" "jobs=1" >>"$rows"
	# The split's own cost: one process walking the 2-job split.
	run "$test" "split=16" --split=16 >>"$rows"
	j=2
	while [ "$j" -le "$ncpu" ]; do
		run "$test" "jobs=$j" --jobs=$j >>"$rows"
		j=$((j + 1))
	done
	awk -v test="$test" '
	     NR == 1 { base = $3; n0 = $2; printf "  %s\n", test }
	     { printf "    %-8s %7d executions  %6.2f s  speed-up %.2f%s\n", $1, $2, $3,
		       base / $3, ($2 == n0 ? "" : "  (COUNT DIFFERS)")
	       if ($1 == "jobs=2") two = $3 }
	     END { printf "    2 jobs against 1: %.2fx (target 1.7x: %s)\n", base / two,
		       (base / two >= 1.7 ? "met" : "not met") }' "$rows"
	rm -f "$rows"
done
