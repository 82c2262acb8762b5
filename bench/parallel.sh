#!/bin/sh
# bench/parallel.sh BUILD - the exhaustive search in parts: wall-clock time
# of --jobs=1..N on one machine (N = the processors, 2 to 8), medians of 5
# interleaved rounds, as ratios to the unsplit search (--jobs=1) measured in the same
# run, and to one process with the 2 jobs' split (what the split costs).
# Every row must explore the same number of complete executions as
# the unsplit search (the parts add up exactly); the target is a speed-up
# of at least 1.7 with 2 jobs.  The last workload is the seed catalog's
# slowest verification (seed 001's GC scenario, preemption bound 1); a
# split bounded search runs every level even where the unsplit one would
# stop (not here), so its rows are checked against the split=16 row.
set -eu
build=${1:-build}
prog="$build/bench/exhaustive"
seed="$build/examples/seeds/ipoib_neigh_path/after"
[ -x "$prog" ] || { echo "parallel.sh: $prog not built" >&2; exit 2; }
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
now() { date +%s.%N; }
ncpu=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
[ "$ncpu" -ge 2 ] || ncpu=2
[ "$ncpu" -le 8 ] || ncpu=8
echo "== parallel exhaustive search ($(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') processors; default split: 8 leaves per job, at least 16)"
# The one-process rows run on the fastest processor (bench/cpu.sh), the
# jobs on all of them.  Where the processors are not equally fast (a
# shared machine's busy hyperthreads), N jobs cannot gain more than the
# sum of their speeds relative to the fastest: that ceiling is printed
# from the speeds measured at the start.
. "$(dirname "$0")/cpu.sh"
bench_pin "$build"
bench_pin_note
# (Two unpinned jobs can run on the two fastest processors.)
ceiling=$(printf '%s\n' ${BENCH_SPEEDS:-} | cut -d: -f2 | sort -n | awk '
	{ t[NR] = $1 }
	END { if (NR < 2 || !t[1]) exit; printf "%.2f", 1 + t[1] / t[2] }')
[ -n "$ceiling" ] && echo "  (2 jobs on the two fastest processors at those speeds: at most ${ceiling}x)"
# One timed run: prints seconds and the executions count.
once() { # test, flags...
	test=$1
	shift
	p=$prog
	[ "$test" = xmit_vs_gc ] && p="$seed" && set -- --preemption-bound=1 "$@"
	pin=
	case " $* " in *" --jobs="*) ;; *) pin=$PIN ;; esac
	t0=$(now)
	out=$($pin "$p" --strategy=dfs --iterations=0 --time-limit=0 \
		--filter="$test" --format=json "$@")
	t1=$(now)
	n=$(printf '%s\n' "$out" | sed -n 's/.*"executions":\([0-9]*\).*/\1/p')
	echo "$t1 $t0 $n" | awk '{ printf "%.4f %d\n", $1 - $2, $3 }'
}
# Two unsplit searches at once, on the first two processors this
# process may use: the seconds until both have ended.
pair() { # test
	set -- $(bench_cpus | head -n 2)
	[ $# -eq 2 ] || { once "$test" | cut -d' ' -f1; return; }
	p=$prog a=
	[ "$test" = xmit_vs_gc ] && p="$seed" && a=--preemption-bound=1
	t0=$(now)
	taskset -c "$1" "$p" --strategy=dfs --iterations=0 --time-limit=0 \
		--filter="$test" $a >/dev/null &
	taskset -c "$2" "$p" --strategy=dfs --iterations=0 --time-limit=0 \
		--filter="$test" $a >/dev/null
	wait
	t1=$(now)
	echo "$t1 $t0" | awk '{ printf "%.4f\n", $1 - $2 }'
}
# The configurations run in turn, ROUNDS rounds, so that the machine's
# other load falls on all of them alike; each row is the median.
ROUNDS=${ROUNDS:-5}
# adds_3x5 is the long one (about 2.5 s in one process): the two short
# ones show what the start of the jobs costs.
tests="cas_family_6 adds_3x4 adds_3x5"
[ -x "$seed" ] && tests="$tests xmit_vs_gc"
for test in $tests; do
	d=$(mktemp -d)
	r=1
	while [ "$r" -le "$ROUNDS" ]; do
		once "$test" >>"$d/jobs=1"
		once "$test" --split=16 >>"$d/split=16"
		# What a run costs besides its executions (starting weft and
		# its workers, their first execution's memory, ending them):
		# a run of one execution, with one job and with two.
		once "$test" --iterations=1 | cut -d' ' -f1 >>"$d/fixed1"
		once "$test" --iterations=1 --jobs=2 | cut -d' ' -f1 >>"$d/fixed2"
		j=2
		while [ "$j" -le "$ncpu" ]; do
			once "$test" --jobs=$j >>"$d/jobs=$j"
			j=$((j + 1))
		done
		# What the machine gives two processes at once this round: two
		# independent unsplit searches started together, one on each of
		# the first two processors.  A shared machine's processors slow
		# each other down (two such searches took 1.1-1.5x as long as
		# one alone here, from one round to the next), and 2 jobs
		# cannot beat that: 2 x jobs=1 / pair is their ceiling.
		pair "$test" >>"$d/pair"
		r=$((r + 1))
	done
	rows=$(mktemp)
	for label in jobs=1 split=16 $(j=2; while [ "$j" -le "$ncpu" ]; do echo "jobs=$j"; j=$((j + 1)); done); do
		s=$(cut -d' ' -f1 "$d/$label" | median)
		n=$(cut -d' ' -f2 "$d/$label" | sort -u | tr '\n' '/' | sed 's,/$,,')
		echo "$label $n $s" >>"$rows"
	done
	f1=$(median <"$d/fixed1")
	f2=$(median <"$d/fixed2")
	# The ceiling, round by round (each pair against its round's
	# jobs=1), then the median.
	ceil=$(cut -d' ' -f1 "$d/jobs=1" | paste -d' ' - "$d/pair" |
		awk '$2 > 0 { print 2 * $1 / $2 }' | median)
	rm -rf "$d"
	awk -v test="$test" -v rounds="$ROUNDS" -v f1="$f1" -v f2="$f2" -v ceil="${ceil:-0}" '
	     NR == 1 { base = $3; n0 = $2; printf "  %s (medians of %d interleaved rounds)\n", test, rounds }
	     NR == 2 && test == "xmit_vs_gc" { n0 = $2 }
	     { printf "    %-8s %7s executions  %6.2f s  speed-up %.2f%s\n", $1, $2, $3,
		       base / $3, (NR == 1 || $2 == n0 ? "" : "  (COUNT DIFFERS)")
	       if ($1 == "jobs=2") two = $3 }
	     END { printf "    2 jobs against 1: %.2fx (target 1.7x: %s)\n", base / two,
		       (base / two >= 1.7 ? "met" : "not met")
		   if (ceil > 0)
			printf "    (two independent searches at once ran %.2fx as fast as one: 2 jobs reached %.0f%% of that)\n",
			       ceil, 100 * base / two / ceil
		   # Amdahl: the fixed part stays, the rest at best halves.
		   if (base > f1)
			printf "    (a run of 1 execution takes %.3f s with 1 job, %.3f s with 2: halving the rest exactly gives at most %.2fx)\n",
			       f1, f2, base / (f2 + (base - f1) / 2) }' "$rows"
	rm -f "$rows"
done
