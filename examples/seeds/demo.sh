#!/bin/sh
# examples/seeds/demo.sh BUILD_DIR - run the seed catalog (make demo).
#
# Runs every model the Makefile built from examples/seeds/<subject>/*.c
# (per subject: before.c, after.c, then the others by name) with
# --format=json and the file's own `//! args:` line, checks each test
# against the file's `//! expect:` / `//! expect(test):` lines, prints one
# table row per test, then the files' `//! note:` lines, and under them
# the trace of every bug found, as weft prints it in text mode (replayed
# from the report's token).
# Exits 1 if any expectation fails (or a model is missing).  sh, awk, sed
# and grep only.
set -u

build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/weft-demo.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
: >"$tmp/bugs"

# field NAME LINE: the value of a JSON string or number field (first match).
# The first occurrence of the field: later ones belong to the trace and
# the findings ("kind" of a finding, "thread" of a step ...).
field() {
	printf '%s\n' "$2" | awk -v k="\"$1\":" '{
		i = index($0, k); if (!i) exit
		r = substr($0, i + length(k))
		if (substr(r, 1, 1) == "\"") { r = substr(r, 2); print substr(r, 1, index(r, "\"") - 1) }
		else { match(r, /^[-0-9.a-z]*/); print substr(r, 1, RLENGTH) }
	}'
}

# expectation FILE TEST: the expected outcome ("bug KIND" or "verified").
expectation() {
	e=$(sed -n "s|^//! expect($2): *||p" "$1" | head -n 1)
	[ -n "$e" ] || e=$(sed -n 's|^//! expect: *||p' "$1" | head -n 1)
	printf '%s\n' "$e"
}

fmt='%-21s %-11s %-34s %-9s %-17s %10s %9s  %s\n'
printf "$fmt" SEED MODEL TEST VERDICT KIND EXECUTIONS SECONDS RESULT
printf "$fmt" --------------------- ----------- ---------------------------------- \
	--------- ----------------- ---------- --------- ------

# before.c and after.c first in each subject, the other models after them
models() {
	for dir in "$here"/*/; do
		for f in "$dir"before.c "$dir"after.c; do
			[ -f "$f" ] && printf '%s\n' "$f"
		done
		for f in "$dir"*.c; do
			case $f in
			*/before.c | */after.c) ;;
			*) [ -f "$f" ] && printf '%s\n' "$f" ;;
			esac
		done
	done
}

: >"$tmp/notes"
models >"$tmp/models"
while IFS= read -r src; do
	subject=$(basename "$(dirname "$src")")
	sed -n "s|^//! note: *|$subject/$(basename "$src" .c): |p" "$src" \
		>>"$tmp/notes"
	model=$(basename "$src" .c)
	prog="$build/examples/seeds/$subject/$model"
	args=$(sed -n 's|^//! args: *||p' "$src" | head -n 1)
	if [ ! -x "$prog" ]; then
		printf "$fmt" "$subject" "$model" "-" "missing" "-" "-" "-" \
			"FAIL (not built: $prog)"
		fail=1
		continue
	fi
	# shellcheck disable=SC2086
	"$prog" --format=json $args </dev/null >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -gt 1 ] || ! grep -q '^{' "$tmp/out"; then
		printf "$fmt" "$subject" "$model" "-" "error" "-" "-" "-" \
			"FAIL (exit $rc: $(head -n 1 "$tmp/err"))"
		fail=1
		continue
	fi
	grep '^{' "$tmp/out" | while IFS= read -r line; do
		test=$(field test "$line")
		verdict=$(field verdict "$line")
		kind=$(field kind "$line")
		execs=$(field bug_execution "$line")
		[ -n "$execs" ] || execs=$(field executions "$line")
		secs=$(field seconds "$line")
		bound=$(field preemption_bound "$line")
		fair=$(field fair_bound "$line")
		capped=$(field alloc_fail_capped "$line")
		strategy=$(field strategy "$line")
		want=$(expectation "$src" "$test")
		got=$verdict
		[ "$verdict" = bug ] && got="bug $kind"
		if [ -z "$want" ]; then
			result="FAIL (no expectation)"
			echo fail >>"$tmp/failed"
		elif [ "$got" = "$want" ]; then
			result=ok
		else
			result="FAIL (expected $want)"
			echo fail >>"$tmp/failed"
		fi
		case $verdict in
		verified)
			# Name every bound the verdict rests on: preemptions, and
			# unfair continuations of spin loops.
			b=
			[ "$bound" = -1 ] || b="bound $bound"
			if [ -n "$fair" ] && [ "$fair" != -1 ]; then
				b="${b:+$b, }fair $fair"
			fi
			# A thread's one failing allocation (GFP_ATOMIC) of the
			# execution held back another.
			[ "$capped" = true ] && b="${b:+$b, }alloc-fail 1"
			[ -n "$b" ] || b="no bound needed"
			kindcol="($b)"
			;;
		bug) kindcol=$kind ;;
		*) kindcol=- ;;
		esac
		[ "$kind" = null ] && kind=-
		printf "$fmt" "$subject" "$model" "$test" "$verdict" "$kindcol" \
			"$execs" "$secs" "$result [$strategy]"
		if [ "$verdict" = bug ]; then
			printf '%s\t%s\t%s\t%s\t%s\n' "$subject" "$model" "$test" \
				"$prog" "$(field replay "$line")" >>"$tmp/bugs"
		fi
	done
done <"$tmp/models"
[ -f "$tmp/failed" ] && fail=1

if [ -s "$tmp/notes" ]; then
	echo
	sed 's/^/note: /' "$tmp/notes"
fi

if [ -s "$tmp/bugs" ]; then
	echo
	echo "Traces (replayed from each report's token; paste-able):"
	while IFS="$(printf '\t')" read -r subject model test prog token; do
		echo
		echo "### $subject/$model: $test"
		"$prog" --filter="$test" --replay="$token" </dev/null 2>&1 |
			sed -e '/^== /d' -e "s|$build/||g"
	done <"$tmp/bugs"
fi

echo
if [ "$fail" = 0 ]; then
	echo "demo: every expectation holds"
else
	echo "demo: some expectations FAILED"
fi
exit "$fail"
