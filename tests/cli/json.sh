# The JSON report has the documented fields.
. tests/cli/common.inc
out=$($P --filter=deadlocks --format=json)
for f in '"test":"deadlocks"' '"verdict":"bug"' '"kind":"deadlock"' \
	'"executions":' '"replay":"w1.' '"trace":[{' '"thread":' \
	'"operation":"mutex_lock"' '"file":' '"line":'; do
	printf '%s' "$out" | grep -q -F "$f" || fail "missing $f in $out"
done
expect_eq "$(printf '%s\n' "$out" | wc -l)" 1 "one line per test"
echo ok
