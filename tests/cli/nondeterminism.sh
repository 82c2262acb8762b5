# A program that behaves differently on a re-run of the same schedule gets
# a clear one-line error and exit status 2, not a verdict.
. tests/cli/common.inc
err=$($B/tests/cli/nondet 2>&1 >/dev/null)
expect_eq $? 2 "exit status"
printf '%s' "$err" | grep -q "different path when re-run" || fail "message: $err"
expect_eq "$(printf '%s\n' "$err" | wc -l)" 1 "one line"
echo ok
