# bench/cpu.sh - sourced by the benchmarks: the one processor the
# single-process benchmarks run on (pinned with taskset), so that every
# round of a comparison, and both sides of a ratio, run on the same one.
#
# Why: the processors of a shared virtual machine need not be equally
# fast.  On the machine where this was written, the same run of
# bench/core_locks took 0.55 s of CPU on processor 0 and 0.87-0.91 s on
# processor 1 (its sibling hyperthread busy with another guest, by the
# look of it: a one-instruction-per-cycle loop ran at the same clock on
# both), and the ratio of two builds differed with it (2.71x on processor
# 0, 2.44x on processor 1): code that retires more instructions per cycle
# loses more to a busy sibling.  Runs the scheduler spread over both
# mixed the two in one median.
#
# bench_pin BUILD sets BENCH_CPU (kept if already set, as by an outer
# script or by hand: BENCH_CPU=1 make bench) to the processor where three
# short runs of BUILD's core workload are fastest, and BENCH_SPEEDS to
# their median CPU seconds per processor ("0:0.55 1:0.87").  Without
# taskset, or with one processor, BENCH_CPU stays empty and nothing is
# pinned.  pinned CMD... runs CMD on BENCH_CPU; PIN is the prefix that
# does it ("taskset -c 0", or empty), for /usr/bin/time's command line.
bench_cpus() { # the processors this process may run on, one per line
	taskset -pc $$ 2>/dev/null | sed 's/.*: *//' | tr ',' '\n' |
		awk -F- 'NF == 2 { for (i = $1; i <= $2; i++) print i; next } { print }'
}
bench_pin() {
	BENCH_SPEEDS=${BENCH_SPEEDS:-}
	PIN=
	[ -n "${BENCH_CPU:-}" ] && { export BENCH_CPU BENCH_SPEEDS; PIN="taskset -c $BENCH_CPU"; return 0; }
	BENCH_CPU=
	command -v taskset >/dev/null 2>&1 || return 0
	[ -x "$1/bench/core_locks" ] || return 0
	# (The first 8, as bench/parallel.sh's jobs: a calibration costs
	# about 2 s a processor.)
	cpus=$(bench_cpus | head -n 8)
	[ "$(printf '%s\n' "$cpus" | grep -c .)" -ge 2 ] || return 0
	best= bestt=
	for c in $cpus; do
		t=$(for i in 1 2 3; do
			/usr/bin/time -f "%U %S" taskset -c "$c" \
				"$1/bench/core_locks" --strategy=random \
				--iterations=300000 2>&1 >/dev/null | tail -n 1 |
				awk '{ print $1 + $2 }'
		done | sort -n | sed -n 2p)
		BENCH_SPEEDS="$BENCH_SPEEDS${BENCH_SPEEDS:+ }$c:$t"
		if [ -z "$best" ] || awk -v a="$t" -v b="$bestt" 'BEGIN { exit !(a < b) }'; then
			best=$c bestt=$t
		fi
	done
	BENCH_CPU=$best
	PIN="taskset -c $BENCH_CPU"
	export BENCH_CPU BENCH_SPEEDS
}
pinned() {
	if [ -n "${BENCH_CPU:-}" ]; then
		taskset -c "$BENCH_CPU" "$@"
	else
		"$@"
	fi
}
bench_pin_note() { # one line saying where the runs are pinned
	if [ -n "${BENCH_CPU:-}" ]; then
		echo "  (pinned to processor $BENCH_CPU; core workload, 300,000 executions, CPU seconds by processor: ${BENCH_SPEEDS:-not measured})"
	else
		echo "  (not pinned: no taskset, one processor, or no bench/core_locks to calibrate with)"
	fi
}
