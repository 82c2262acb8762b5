# A program that behaves differently on a re-run of the same schedule gets
# a clear one-line error and exit status 2, not a verdict.
. tests/cli/common.inc
err=$($B/tests/cli/nondet 2>&1 >/dev/null)
expect_eq $? 2 "exit status"
printf '%s' "$err" | grep -q "different path when re-run" || fail "message: $err"
expect_eq "$(printf '%s\n' "$err" | wc -l)" 1 "one line"
# The JSON report still has the test's object, verdict "error" (it had
# none), on stdout and in --json's file.
f=$(mktemp)
out=$($B/tests/cli/nondet --format=json --json="$f" 2>/dev/null)
expect_eq $? 2 "exit status with JSON"
for j in "$out" "$(cat "$f")"; do
	case "$j" in
	'{"test":"hidden_state","verdict":"error","kind":"nondeterminism","message":"the program took a different path'*) ;;
	*) rm -f "$f"; fail "JSON object of the test: $j" ;;
	esac
done
rm -f "$f"
echo ok
