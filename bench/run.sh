#!/bin/sh
# bench/run.sh BUILD_DIR - weft's benchmarks (`make bench`).  Figures are
# medians over repeats within one run; ratios are computed in the same run,
# since the machine is shared and absolute times are noisy.
B=${1:-build}
set -e
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
secs() { # seconds of one run of: $@ (JSON "seconds" field)
	"$@" --format=json | sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p'
}

# The machine, since the absolute targets (executions per second) were
# set on one, and a ratio to the context switch depends on it too.
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
echo "== machine: ${cpu:-unknown}, $(nproc 2>/dev/null || echo '?') processors"
# Every single-process figure runs on one processor, the fastest (see
# bench/cpu.sh); the scripts below inherit the choice.
. "$(dirname "$0")/cpu.sh"
bench_pin "$B"
bench_pin_note
echo "== context switch"
pinned $B/bench/ctxswitch | tee /tmp/weft_ctx.$$
sw=$(sed -n 's/.*weft x86_64 switch *\([0-9.]*\) ns.*/\1/p' /tmp/weft_ctx.$$)
rm -f /tmp/weft_ctx.$$

echo
echo "== executions per second: 2 threads x 10 lock operations, random strategy"
P=$B/bench/core_locks
N=200000
for i in 1 2 3 4 5; do
	pinned $P --strategy=random --iterations=$N --format=json
done > /tmp/weft_bench.$$
t=$(sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p' /tmp/weft_bench.$$ | median)
steps=$(sed -n 's/.*"total_steps":\([0-9]*\).*/\1/p' /tmp/weft_bench.$$ | head -n 1)
rm -f /tmp/weft_bench.$$
awk -v t="$t" -v n=$N -v s="$steps" 'BEGIN {
	printf "  %d executions in %.3f s (median of 5 runs)\n", n, t
	printf "  %.0f executions/s, %.0f steps/s (%.1f steps per execution)\n", n / t, s / t, s / n
	printf "  target >= 500000 executions/s (issue 11): ratio %.2f\n", n / t / 500000 }'
# Issue 11's other form of the same target: a step (the whole execution's
# time over its steps) within 4 raw context switches.
[ -n "$sw" ] && awk -v t="$t" -v s="$steps" -v sw="$sw" 'BEGIN {
	ns = t * 1e9 / s
	printf "  %.1f ns per step = %.1f context switches of %.1f ns (target <= 4: %s)\n",
		ns, ns / sw, sw, ns / sw <= 4 ? "met" : "not met" }'

echo "== memory over a million executions (max RSS, KiB)"
for n in 100000 1000000; do
	/usr/bin/time -f "%M" $PIN $P --strategy=random --iterations=$n >/dev/null 2>/tmp/weft_rss.$$ || true
	printf "  %8d executions: %s KiB\n" $n "$(tail -n 1 /tmp/weft_rss.$$)"
done
rm -f /tmp/weft_rss.$$

for extra in bench/*.sh; do
	# ab.sh, same.sh and instr.sh compare two builds, run by hand.
	case $extra in bench/run.sh | bench/ab.sh | bench/same.sh | bench/instr.sh | bench/cpu.sh) continue ;; esac
	[ -f "$extra" ] || continue
	echo
	sh "$extra" "$B"
done
