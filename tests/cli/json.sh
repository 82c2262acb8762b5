# The JSON report has the documented fields.
. tests/cli/common.inc
out=$($P --filter=deadlocks --format=json)
for f in '"test":"deadlocks"' '"verdict":"bug"' '"kind":"deadlock"' \
	'"executions":' '"replay":"w1.' '"trace":[{' '"thread":' \
	'"operation":"mutex_lock"' '"file":' '"line":'; do
	printf '%s' "$out" | grep -q -F "$f" || fail "missing $f in $out"
done
expect_eq "$(printf '%s\n' "$out" | wc -l)" 1 "one line per test"
printf '%s' "$out" | grep -q -F '"accesses":[]' || fail "a deadlock has no marked accesses: $out"
# A racing plain access is no step: the text trace draws it between the
# steps, and the JSON report lists it in accesses, after the step it
# followed, in trace order.
r=$($B/tests/detect/race/heap_field_bug --filter=unlocked_peek_then_locked_bump --format=json)
for f in '"accesses":[{"after_step":3,"thread":"first","tid":1,"operation":"read","object":"weft_malloc#0+32","tag":"race","file":"' \
	'heap_field_bug.c","line":31},{"after_step":7,"thread":"second","tid":2,"operation":"write","object":"weft_malloc#0+32","tag":"race","file":"' \
	'heap_field_bug.c","line":23}]'; do
	printf '%s' "$r" | grep -q -F "$f" || fail "missing $f in $r"
done
echo ok
