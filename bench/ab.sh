#!/bin/sh
# bench/ab.sh OLD_BUILD NEW_BUILD [ROUNDS] - compare two builds of weft on
# the benchmark workloads in CPU time (user + system, the worker process
# included), medians of ROUNDS (default 7) interleaved rounds.  Wall-clock
# times on a shared machine move by up to 40% from one round to the next;
# CPU time moves far less.  The last line is the cost of one instrumented
# access in each build (see access below).  Run by hand (it needs a
# second build: for instance `git worktree add /tmp/old REV && make -C /tmp/old
# all build/bench/core_locks build/bench/kernel build/bench/pthread_accesses`),
# and by bench/baseline.sh against issue 11's revision.  Every run is
# pinned to one processor (bench/cpu.sh: the fastest, or BENCH_CPU).
set -eu
old=$1
new=$2
rounds=${3:-7}
. "$(dirname "$0")/cpu.sh"
bench_pin "$new"
bench_pin_note
cpu() { /usr/bin/time -f "%U %S" $PIN "$@" 2>&1 >/dev/null | tail -n 1 | awk '{print $1 + $2}'; }
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
out=$(mktemp)
fresh=$(mktemp -d)
trap 'rm -rf "$out" "$fresh"' EXIT
# Each run is of new copies of the build's program and library (the
# library through LD_LIBRARY_PATH, which the programs' RUNPATH yields to).
# Where a file's pages happen to lie in physical memory moves its speed:
# the same library, byte for byte, ran the core workload in 0.67 s of CPU
# from one file and 0.56-0.60 s from each of six copies of it.  A build's
# files are fixed for the whole comparison, so that was a fixed bias in
# one build's favour; copies made afresh every round turn it into noise
# the medians take out.
run() { # build program args... -> CPU seconds of one run of fresh copies
	b=$1 p=$2
	shift 2
	rm -rf "$fresh"/*
	cp "$b/lib/libweft.so" "$fresh/" && cp "$b/$p" "$fresh/prog" || return 1
	LD_LIBRARY_PATH="$fresh${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" cpu "$fresh/prog" "$@"
}
# The copy is loaded only where the program names its library's directory
# as a RUNPATH (weft-cc's link asks for one): an old-style RPATH would win
# over LD_LIBRARY_PATH and the rounds would run the original files.
runpath() { # build program
	if command -v readelf >/dev/null 2>&1 &&
		readelf -d "$1/$2" 2>/dev/null | grep -q '(RPATH)'; then
		echo "ab.sh: $1/$2 has an RPATH, which LD_LIBRARY_PATH cannot override: relink it (weft-cc links with a RUNPATH)" >&2
		exit 2
	fi
}
# A round whose run failed (a copy that could not be made) leaves an empty
# figure, which must not slip into a median.
check_rounds() {
	if awk 'NF < 2 { bad = 1 } END { exit !bad }' "$out"; then
		echo "ab.sh: a run of $1 gave no figure" >&2
		exit 2
	fi
}
compare() { # name program args...
	name=$1
	shift
	[ -x "$old/$1" ] && [ -x "$new/$1" ] || { echo "$name: not built in both"; return; }
	runpath "$old" "$1"
	runpath "$new" "$1"
	: >"$out"
	i=0
	while [ $i -lt "$rounds" ]; do
		echo "old $(run "$old" "$@")" >>"$out"
		echo "new $(run "$new" "$@")" >>"$out"
		i=$((i + 1))
	done
	check_rounds "$name"
	o=$(awk '$1 == "old" {print $2}' "$out" | median)
	n=$(awk '$1 == "new" {print $2}' "$out" | median)
	awk -v name="$name" -v o="$o" -v n="$n" -v r="$rounds" 'BEGIN {
		printf "%-8s old %.2f s, new %.2f s CPU (medians of %d): new is %.2fx as fast\n",
			name, o, n, r, (n > 0 ? o / n : 0) }'
}
# The cost of one instrumented access as bench/pthread.sh takes it (the
# 2 x 1000 program against N=0, both under the full copy of the data, per
# access made) but in CPU time: for each build the median over the rounds
# of each round's difference, the builds run in turn within every round.
access() {
	iters=$((10000 * ${AB_SCALE:-1}))
	[ -x "$old/bench/pthread_accesses" ] && [ -x "$new/bench/pthread_accesses" ] ||
		{ echo "access: not built in both"; return; }
	: >"$out"
	i=0
	while [ $i -lt "$rounds" ]; do
		for b in old new; do
			eval d=\$$b
			echo "$b $(WEFT_RESTORE=copy WEFT_OPTIONS="--strategy=random --iterations=$iters" \
				run "$d" bench/pthread_accesses 1000) $(WEFT_RESTORE=copy \
				WEFT_OPTIONS="--strategy=random --iterations=$iters" \
				run "$d" bench/pthread_accesses 0)" >>"$out"
		done
		i=$((i + 1))
	done
	check_rounds access
	# executions x threads x (reads + writes)
	o=$(awk -v a=$((iters * 2 * 2000)) '$1 == "old" {print ($2 - $3) * 1e9 / a}' "$out" | median)
	n=$(awk -v a=$((iters * 2 * 2000)) '$1 == "new" {print ($2 - $3) * 1e9 / a}' "$out" | median)
	awk -v o="$o" -v n="$n" -v r="$rounds" 'BEGIN {
		printf "%-8s old %.1f ns, new %.1f ns CPU per access (medians of %d): new is %.2fx as fast\n",
			"access", o, n, r, (n > 0 ? o / n : 0) }'
}
# AB_SCALE multiplies the workloads' executions: CPU time is counted in
# hundredths of a second, so a run of a third of a second reads +-3%.
k=${AB_SCALE:-1}
compare core bench/core_locks --strategy=random --iterations=$((100000 * k))
compare kernel bench/kernel --strategy=random --iterations=$((30000 * k)) --jobs=1
WEFT_OPTIONS="--strategy=random --iterations=$((2000 * k))" compare pthread bench/pthread_accesses 1000
compare seed_gc examples/seeds/ipoib_neigh_path/after --strategy=dfs \
	--preemption-bound=1 --iterations=1000000 --time-limit=0 --jobs=1 \
	--filter=xmit_vs_gc
access
