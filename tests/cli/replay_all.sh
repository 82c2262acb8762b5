# Every replay command a report prints, pasted into a shell in the
# directory it was printed in, replays the same kind of bug: for every bug
# the detection programs and seed models report (test binaries, and
# programs whose own main runs under weft), from the text report's
# "replay:" line and from the JSON report's "command" field, and for a
# main-mode program whose bug needs its (quoted) arguments.
. tests/cli/common.inc
n=0
pairs=$(mktemp)
trap 'rm -f "$pairs"' EXIT

# text report on stdin -> "test<TAB>kind<TAB>command" per replayable bug
from_text() {
	awk '/^== .*: bug \(/ { t = $2; sub(/:$/, "", t); k = $NF; gsub(/[()]/, "", k); want = 1; next }
	     /^== / { want = 0 }
	     want && /^replay: / { sub(/^replay: /, ""); print t "\t" k "\t" $0; want = 0 }'
}

# JSON Lines on stdin -> the same, from the "command" field
from_json() {
	python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    if r["verdict"] == "bug":
        print(r["test"], r["kind"], r["command"], sep="\t")
'
}

# check_replays SRC: run each command in $pairs, expect its bug again
check_replays() {
	while IFS="$(printf '\t')" read -r test kind cmd; do
		rep=$(sh -c "$cmd" 2>&1)
		printf '%s\n' "$rep" | grep -q -F "== $test: bug ($kind)" ||
			fail "$1 $test: pasting '$cmd' gave: $(printf '%s' "$rep" | head -c 300)"
	done <"$pairs"
}

for src in tests/detect/*/*_bug.c examples/seeds/*/before.c; do
	bin=$B/${src%.c}
	[ -x "$bin" ] || fail "$bin not built"
	if grep -q 'WEFT_TEST(' "$src"; then
		"$bin" 2>/dev/null | from_text >"$pairs"
		"$bin" --format=json 2>/dev/null | from_json >>"$pairs"
	else
		"$bin" 2>/dev/null | from_text >"$pairs"
		WEFT_OPTIONS="format=json" "$bin" 2>/dev/null | from_json >>"$pairs"
	fi
	check_replays "$src"
	n=$((n + 1))
done

# Main mode with arguments that need quoting (one looks like a weft flag).
M=$B/tests/cli/mainargs
a1='it'\''s a "race" $HOME'
a2="--replay=not-weft's"
"$M" "$a1" "$a2" | from_text >"$pairs"
WEFT_OPTIONS="format=json" "$M" "$a1" "$a2" | from_json >>"$pairs"
expect_eq "$(wc -l <"$pairs" | tr -d ' ')" 2 "mainargs: a bug in text and in JSON"
grep -q "^mainargs	data-race	WEFT_OPTIONS='replay=w1\." "$pairs" ||
	fail "mainargs: replay command is not WEFT_OPTIONS=... ./prog: $(cat "$pairs")"
check_replays mainargs
# Without its arguments the program has no bug, even replaying the racy
# run's token: the replays above really passed them.
"$M" >/dev/null || fail "mainargs without arguments reports a bug"
tok=$(sed -n "s/.*replay=\(w1[^' ]*\).*/\1/p" "$pairs" | head -n 1)
WEFT_OPTIONS="replay=$tok" "$M" >/dev/null 2>&1
[ $? -ne 1 ] || fail "mainargs replayed without its arguments still finds the bug"
echo "ok: replayed the bugs of $n programs and of mainargs"
