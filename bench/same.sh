#!/bin/sh
# bench/same.sh OLD_BUILD NEW_BUILD - do two builds of weft say the same
# thing?  A speed-up must change no verdict, execution count, trace or
# replay token, so this runs every detection test program (tests/detect,
# with its own `//! args:`) and every seed example built in both build
# directories, with the same options, and compares their complete output
# (text, then JSON) after taking out wall-clock times.  Programs that
# depend on time (a time limit) are compared on their verdict line only.
# Both builds need their test programs: `make test` builds them, or
#   make -f Makefile -f <(printf 'progs: $(WEFT_PROGS)\n') progs
# Prints each difference and a count; exits 1 when any output differs.
# Not part of `make test`: it needs a second build.
set -u
old=$1
new=$2
src=$(dirname "$0")/..
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
bad=0
# Take out what varies from run to run: seconds, rates and addresses (a
# crash's faulting address moves with the address-space layout).
scrub() {
	sed -E -e 's/"seconds":[0-9.]+/"seconds":T/g' \
		-e 's/0x[0-9a-f]{8,}/ADDR/g' \
		-e 's/[0-9]+\.[0-9]+ s\b/T s/g' \
		-e 's/[0-9.]+[kM]? (executions|schedules)\/s/R/g' "$1"
}
# Each program runs from its checkout's root, by the same relative path,
# and the checkout's absolute path is taken out of what it prints (source
# file names), so the two checkouts' outputs compare.
run() { # build prog args...
	root=$(cd "$1/.." && pwd)
	rel="./$(basename "$1")/$2"
	shift 2
	(cd "$root" && WEFT_OPTIONS= timeout 120 "$rel" --quiet "$@" \
		>"$tmp/out" 2>&1
	echo "exit $?" >>"$tmp/out"
	WEFT_OPTIONS= timeout 120 "$rel" --quiet --format=json "$@" \
		>>"$tmp/out" 2>&1)
	scrub "$tmp/out" | sed "s#$root/##g"
}
for c in "$src"/tests/detect/*/*.c "$src"/tests/detect/*/*.cpp \
	"$src"/tests/golden/*.c "$src"/examples/seeds/*/*.c; do
	[ -f "$c" ] || continue
	rel=${c#"$src"/}
	p=${rel%.*}
	[ -x "$old/$p" ] && [ -x "$new/$p" ] || continue
	args=$(sed -n 's,^//! args: *,,p' "$c" | head -n 1)
	# Tests that take main()'s options through the environment spell them
	# without dashes: pass them as flags here.
	case $args in -*) ;; ?*) args=$(printf '%s' "$args" |
		sed -E 's/(^| )([a-z])/\1--\2/g') ;; esac
	# shellcheck disable=SC2086
	run "$old" "$p" $args >"$tmp/a"
	# shellcheck disable=SC2086
	run "$new" "$p" $args >"$tmp/b"
	if grep -q -e '--time-limit=[1-9]' "$c"; then
		head -n 1 "$tmp/a" >"$tmp/a1" && mv "$tmp/a1" "$tmp/a"
		head -n 1 "$tmp/b" >"$tmp/b1" && mv "$tmp/b1" "$tmp/b"
	fi
	n=$((n + 1))
	if ! cmp -s "$tmp/a" "$tmp/b"; then
		bad=$((bad + 1))
		echo "== $p $args: outputs differ"
		diff "$tmp/a" "$tmp/b" | cut -c 1-300 | head -n 20
	fi
done
echo "same.sh: $n programs compared, $bad with different output"
[ "$bad" -eq 0 ]
