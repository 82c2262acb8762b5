#!/bin/sh
# bench/kernel.sh BUILD - executions per second of the kernel models.
# Runs bench/kernel (two workqueues, a delayed work, a timer and three
# threads; see bench/kernel.c) under the random strategy on one worker
# process, five times, and prints the median executions per second and
# its ratio to issue 3's target of >= 50,000 executions/s per core, with
# the steps per execution the figure rests on.  A run that reports a bug
# fails the benchmark: the workload must be correct to be timed.
set -eu
build=${1:-build}
prog="$build/bench/kernel"
iters=${ITERS:-100000}
[ -x "$prog" ] || { echo "kernel.sh: $prog not built" >&2; exit 2; }
. "$(dirname "$0")/cpu.sh"
bench_pin "$build" # one processor (bench/cpu.sh)

out=$(mktemp)
trap 'rm -f "$out"' EXIT
for i in 1 2 3 4 5; do
	if ! $PIN "$prog" --strategy=random --iterations="$iters" --jobs=1 \
		--format=json >>"$out" 2>/dev/null; then
		echo "kernel.sh: $prog reported a bug or failed" >&2
		exit 1
	fi
	echo >>"$out"
done
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
t=$(sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p' "$out" | median)
steps=$(sed -n 's/.*"total_steps":\([0-9]*\).*/\1/p' "$out" | head -n 1)
awk -v t="$t" -v n="$iters" -v s="${steps:-0}" 'BEGIN {
	r = n / t;
	printf "kernel 2 workqueues + delayed work + timer + 3 threads: %.0f executions/s (median of 5, %d executions each, 1 core; target >= 50000: ratio %.2f)\n", r, n, r / 50000;
	printf "  issue 11: >= 2x its recorded 69000/s, i.e. >= 138000/s: ratio %.2f\n", r / 138000;
	if (s > 0)
		printf "kernel workload: %.1f steps per execution, %.0f steps/s\n", s / n, s / t;
}'
