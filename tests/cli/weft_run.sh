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
