#!/bin/sh
# bench/ab.sh OLD_BUILD NEW_BUILD [ROUNDS] - compare two builds of weft on
# the benchmark workloads in CPU time (user + system, the worker process
# included), medians of ROUNDS (default 7) interleaved rounds.  Wall-clock
# times on a shared machine move by up to 40% from one round to the next;
# CPU time moves far less.  Not part of `make bench` (it needs a second
# build: for instance `git worktree add /tmp/old REV && make -C /tmp/old
# all build/bench/core_locks build/bench/kernel build/bench/pthread_accesses`).
set -eu
old=$1
new=$2
rounds=${3:-7}
cpu() { /usr/bin/time -f "%U %S" "$@" 2>&1 >/dev/null | tail -n 1 | awk '{print $1 + $2}'; }
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
compare() { # name program args...
	name=$1
	shift
	[ -x "$old/$1" ] && [ -x "$new/$1" ] || { echo "$name: not built in both"; return; }
	: >"$out"
	i=0
	while [ $i -lt "$rounds" ]; do
		echo "old $(cpu "$old/$@")" >>"$out"
		echo "new $(cpu "$new/$@")" >>"$out"
		i=$((i + 1))
	done
	o=$(awk '$1 == "old" {print $2}' "$out" | median)
	n=$(awk '$1 == "new" {print $2}' "$out" | median)
	awk -v name="$name" -v o="$o" -v n="$n" -v r="$rounds" 'BEGIN {
		printf "%-8s old %.2f s, new %.2f s CPU (medians of %d): new is %.2fx as fast\n",
			name, o, n, r, (n > 0 ? o / n : 0) }'
}
compare core bench/core_locks --strategy=random --iterations=100000
compare kernel bench/kernel --strategy=random --iterations=30000 --jobs=1
WEFT_OPTIONS="--strategy=random --iterations=2000" compare pthread bench/pthread_accesses 1000
compare seed_gc examples/seeds/ipoib_neigh_path/after --strategy=dfs \
	--preemption-bound=1 --iterations=1000000 --time-limit=0 --jobs=1 \
	--filter=xmit_vs_gc
