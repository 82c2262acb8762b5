#!/bin/sh
# bench/instr.sh BUILD [OLD_BUILD] - instructions per execution of the
# benchmark workloads, counted by valgrind's callgrind (on the worker
# process): unlike times, the same from one run to the next on a shared
# machine, so a change of a few percent shows.  Each workload runs twice
# (N and 3N executions) and the difference is divided by 2N, which leaves
# out the start-up.  With OLD_BUILD, both builds and their ratio.  Not part
# of `make bench` (valgrind is slow: about a minute); instructions are not
# time (a cache miss or a mispredicted branch costs more than an
# instruction), so a speed claim still needs bench/ab.sh.
set -eu
BUILD_NEW=${1:-build}
BUILD_OLD=${2:-}
command -v valgrind >/dev/null || { echo "instr.sh: valgrind is needed" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
count() { # build prog iterations [env...] -> instructions of the worker
	b=$1 p=$2 n=$3
	shift 3
	rm -f "$tmp"/cg.*
	env "$@" valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.%p" \
		"$b/$p" --strategy=random --iterations="$n" >/dev/null 2>&1 || true
	# The worker is the process that ran the executions: the larger count.
	for f in "$tmp"/cg.*; do
		sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$f"
	done | sort -n | tail -n 1
}
per_exec() { # build prog n
	a=$(count "$1" "$2" "$3")
	c=$(count "$1" "$2" $(($3 * 3)))
	# (A build from before the heap's reservation shrank cannot run
	# under valgrind: 0.)
	[ -n "$a" ] && [ -n "$c" ] && [ "$c" -gt "$a" ] || { echo 0; return; }
	echo $(((c - a) / ($3 * 2)))
}
for w in "core bench/core_locks 2000" "kernel bench/kernel 500"; do
	set -- $w
	name=$1 prog=$2 n=$3
	new=$(per_exec "$BUILD_NEW" "$prog" "$n")
	if [ -n "$BUILD_OLD" ]; then
		old=$(per_exec "$BUILD_OLD" "$prog" "$n")
		awk -v n="$name" -v o="$old" -v w="$new" 'BEGIN {
			if (o == 0 || w == 0)
				printf "%-7s %d instructions per execution, was %d (0: that build does not run under valgrind)\n", n, w, o
			else
				printf "%-7s %d instructions per execution, was %d: %.3fx fewer\n", n, w, o, o / w }'
	else
		printf '%-7s %d instructions per execution\n' "$name" "$new"
	fi
done
