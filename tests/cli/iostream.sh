# C++ iostream output is the program's output like printf's: std::cout,
# std::cerr and std::clog write through libstdc++.so (fwrite, putc,
# fflush; write and writev after sync_with_stdio(false)), and during the
# executions none of it reaches the terminal.  The failing execution's
# output is shown once, on stderr, under the report; WEFT_SHOW_OUTPUT=1
# lets every execution print.  After sync_with_stdio(false) every
# execution prints all its lines through the streams' own buffers.
. tests/cli/common.inc
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
bug=$B/tests/detect/cxx/iostream_bug
ok=$B/tests/detect/cxx/iostream_ok

for arg in "" unsync; do
	"$bug" $arg >"$d/out" 2>"$d/err"
	expect_eq $? 1 "iostream_bug $arg: exit status"
	expect_eq "$(head -n 1 "$d/out")" "== iostream_bug: bug (assertion)" "iostream_bug $arg: verdict"
	grep -q "withdrew\|opening\|closing" "$d/out" &&
		fail "iostream_bug $arg: the program's output is on stdout: $(cat "$d/out")"
	expect_eq "$(grep -c -- '--- output of the failing execution ---' "$d/err")" 1 \
		"iostream_bug $arg: output sections"
	expect_eq "$(grep -c '^opening with 100$' "$d/err")" 1 "iostream_bug $arg: std::clog lines"
	expect_eq "$(grep -c ': withdrew 70, balance ' "$d/err")" 2 "iostream_bug $arg: std::cout lines"
	expect_eq "$(grep -c '^closing with -40$' "$d/err")" 1 "iostream_bug $arg: the last line"
done

for arg in "" unsync; do
	"$ok" $arg >"$d/out" 2>"$d/err"
	expect_eq $? 0 "iostream_ok $arg: exit status ($(cat "$d/out" "$d/err"))"
	expect_eq "$(cat "$d/err")" "" "iostream_ok $arg: stderr"
	expect_eq "$(wc -l <"$d/out" | tr -d ' ')" 1 "iostream_ok $arg: stdout lines ($(cat "$d/out"))"
	grep -q "^== iostream_ok: verified" "$d/out" ||
		fail "iostream_ok $arg: $(cat "$d/out")"
done

# A data race does not end the exploration: the output shown is that of
# the execution the report draws, not of the last one run.  In the drawn
# one the main thread reads before the worker writes.
race=$B/tests/detect/cxx/output_race_bug
"$race" >"$d/out" 2>"$d/err"
expect_eq $? 1 "output_race_bug: exit status"
r=$(grep -n 'read(ready) \[race\]' "$d/out" | cut -d: -f1)
w=$(grep -n 'write(ready) \[race\]' "$d/out" | cut -d: -f1)
[ -n "$r" ] && [ -n "$w" ] || fail "output_race_bug: no racing steps in: $(cat "$d/out")"
if [ "$r" -lt "$w" ]; then saw=0; else saw=1; fi
grep -q "^main saw ready=$saw\$" "$d/err" ||
	fail "output_race_bug: the trace has main read ready=$saw, the output shown: $(cat "$d/err")"
expect_eq "$(grep -c '^main saw' "$d/err")" 1 "output_race_bug: lines shown"

# Every execution prints when asked to.
# (Each schedule at least once: a schedule may be run again to check it.)
for arg in "" unsync; do
	WEFT_SHOW_OUTPUT=1 "$ok" $arg >"$d/out" 2>"$d/err"
	expect_eq $? 0 "iostream_ok $arg, WEFT_SHOW_OUTPUT=1: exit status"
	n=$(grep -c '^closing with 30$' "$d/out")
	[ "$n" -ge 2 ] || fail "iostream_ok $arg, WEFT_SHOW_OUTPUT=1: $n executions printed"
	expect_eq "$(grep -c ': withdrew 70, balance 30$' "$d/out")" "$n" \
		"iostream_ok $arg, WEFT_SHOW_OUTPUT=1: std::cout"
	expect_eq "$(grep -c '^opening with 100$' "$d/err")" "$n" \
		"iostream_ok $arg, WEFT_SHOW_OUTPUT=1: std::clog"
	expect_eq "$(grep -c ': refused 70$' "$d/err")" "$n" \
		"iostream_ok $arg, WEFT_SHOW_OUTPUT=1: std::cerr"
done
# Under --format=json stdout is JSON Lines: what the program prints goes
# to stderr (it was mixed into them).
WEFT_SHOW_OUTPUT=1 WEFT_OPTIONS=format=json "$ok" >"$d/out" 2>"$d/err"
expect_eq $? 0 "iostream_ok, WEFT_SHOW_OUTPUT=1, json: exit status"
expect_eq "$(grep -vc '^{' "$d/out")" 0 "iostream_ok, WEFT_SHOW_OUTPUT=1, json: lines that are no JSON on stdout"
expect_eq "$(grep -c '^{"test":"iostream_ok","verdict":"verified"' "$d/out")" 1 "iostream_ok, WEFT_SHOW_OUTPUT=1, json: the result"
n=$(grep -c '^closing with 30$' "$d/err")
[ "$n" -ge 2 ] || fail "iostream_ok, WEFT_SHOW_OUTPUT=1, json: $n executions printed on stderr"
echo ok
