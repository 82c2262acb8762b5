# A crash in weft's own code is weft's error, not the program's: the
# test is inconclusive, reason internal (exit status 3), as for
# weft__die, whether weft crashed with no test thread running (before
# the first execution) or on a test thread's stack (at its spawn, in the
# program's call, which the message names).  Such a crash was reported
# as the program's (bug, crash).  WEFT_DEBUG_SELF_CRASH makes weft crash
# there on purpose.  A crash of the program's own stays its bug.
. tests/cli/common.inc
for where in setup spawn; do
	out=$(WEFT_DEBUG_SELF_CRASH=$where $P --filter=deadlocks \
		--format=json 2>/dev/null)
	expect_eq $? 3 "exit status of a crash at $where"
	case "$out" in
	'{"test":"deadlocks","verdict":"inconclusive","kind":null,"reason":"internal",'*) ;;
	*) fail "crash at $where: $out" ;;
	esac
	case "$out" in
	*"weft crashed: SEGV (Segmentation fault) in weft's own code at "*"; weft's error, not the program's"*) ;;
	*) fail "message of a crash at $where: $out" ;;
	esac
done
out=$(WEFT_DEBUG_SELF_CRASH=spawn $P --filter=deadlocks 2>/dev/null)
printf '%s' "$out" | grep -q "in thread deadlocks (called from prog.c:" ||
	fail "the program's call a crash at spawn served: $out"
out=$($P --filter=crashes --format=json 2>/dev/null)
case "$out" in
'{"test":"crashes","verdict":"bug","kind":"crash",'*) ;;
*) fail "the program's own crash: $out" ;;
esac
echo ok
