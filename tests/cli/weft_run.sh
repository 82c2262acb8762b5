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
# A program not built with weft-cc would only run natively: refused.
err=$($B/bin/weft run -- /bin/true 2>&1)
expect_eq $? 2 "native program"
printf '%s' "$err" | grep -q 'not built with weft-cc' || fail "native program: $err"
echo ok
