# `weft run [flags] -- ./prog args` runs an unmodified pthread program under
# weft: the flags reach it, the report comes out, the exit status says bug.
. tests/cli/common.inc
out=$($B/bin/weft run --strategy=dfs --format=json -- $B/tests/detect/pthread/racy_counter_bug)
code=$?
expect_eq "$code" 1 "exit status with a bug"
printf '%s' "$out" | grep -q '"verdict":"bug","kind":"data-race"' || fail "report: $out"
out=$($B/bin/weft run --format=json -- $B/tests/detect/pthread/racy_counter_ok)
expect_eq $? 0 "exit status without a bug"
printf '%s' "$out" | grep -q '"verdict":"verified"' || fail "clean report: $out"
$B/bin/weft run --bogus -- $B/tests/detect/pthread/racy_counter_ok >/dev/null 2>&1
expect_eq $? 2 "bad flag"
# An unknown flag is one, with a value or without (--bogus was "needs a
# value ... or is unknown"); a known one without its value says so.
for f in --bogus --bogus=1; do
	err=$($B/bin/weft run $f -- $B/tests/detect/pthread/racy_counter_ok 2>&1 >/dev/null)
	expect_eq $? 2 "weft run $f"
	expect_eq "$err" "weft: unknown flag --bogus (see --help) (on the weft run command line)" "weft run $f"
done
err=$($B/bin/weft run --strategy -- $B/tests/detect/pthread/racy_counter_ok 2>&1 >/dev/null)
expect_eq "$err" "weft: --strategy needs a value (--strategy=VALUE) (on the weft run command line)" "weft run --strategy"
# Both parts of a bad --shard are named (it complained about 'b' alone).
err=$($B/bin/weft run --shard=a/b -- $B/tests/detect/pthread/racy_counter_ok 2>&1 >/dev/null)
expect_eq "$err" "weft: bad value 'a/b' for --shard (want K/N: part K of N, from 1/N to N/N, N at most 4096) (on the weft run command line)" "weft run --shard=a/b"
# A bad value names the command line it was typed on: it read "(in
# WEFT_OPTIONS)", a variable the user never set (a probe's finding).
# One set in WEFT_OPTIONS still names WEFT_OPTIONS.
err=$($B/bin/weft run --races=on -- $B/tests/detect/pthread/racy_counter_ok 2>&1 >/dev/null)
expect_eq $? 2 "bad value"
expect_eq "$err" "weft: bad value 'on' for --races (want bug or off) (on the weft run command line)" "bad value message"
err=$(WEFT_OPTIONS=races=on $B/bin/weft run --strategy=dfs -- $B/tests/detect/pthread/racy_counter_ok 2>&1 >/dev/null)
expect_eq $? 2 "bad value in WEFT_OPTIONS"
expect_eq "$err" "weft: bad value 'on' for --races (want bug or off) (in WEFT_OPTIONS)" "WEFT_OPTIONS bad value message"
# Flags given to weft run still win over WEFT_OPTIONS.
out=$(WEFT_OPTIONS="races=off format=text" $B/bin/weft run --races=bug --format=json -- $B/tests/detect/pthread/racy_counter_bug)
expect_eq $? 1 "weft run flags over WEFT_OPTIONS"
printf '%s' "$out" | grep -q '"kind":"data-race"' || fail "weft run flags did not win: $out"
# A program not built with weft-cc would only run natively: refused.
err=$($B/bin/weft run -- /bin/true 2>&1)
expect_eq $? 2 "native program"
printf '%s' "$err" | grep -q 'not built with weft-cc' || fail "native program: $err"
echo ok
