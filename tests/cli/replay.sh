# A report's replay command reproduces the same trace, byte for byte; the
# same seed gives the same report; a token for another test is refused.
. tests/cli/common.inc
out=$($P --filter=deadlocks --strategy=random --seed=7)
expect_eq $? 1 "bug exit status"
cmd=$(printf '%s\n' "$out" | sed -n 's/^replay: //p')
[ -n "$cmd" ] || fail "no replay line in: $out"
tok=${cmd##*--replay=}
rep=$($P --filter=deadlocks --replay="$tok")
expect_eq $? 1 "replay exit status"
# The report up to the trace's end; findings from other executions (lock
# order seen across runs) follow it and legitimately differ.
strip() { sed '/^found by/,$d'; }
[ "$(printf '%s\n' "$out" | strip)" = "$(printf '%s\n' "$rep" | strip)" ] ||
	fail "replayed trace differs"
again=$($P --filter=deadlocks --strategy=random --seed=7)
[ "$(printf '%s\n' "$out" | grep -v '^found by')" = "$(printf '%s\n' "$again" | grep -v '^found by')" ] ||
	fail "same seed gave a different report"
$P --filter=clean --replay="$tok" >/dev/null 2>&1
expect_eq $? 2 "token of another test"
# A finding that does not end its execution (a data race, a lock-order
# cycle, a leak) is shown with the trace of the execution that found it,
# which is not the search's last one here: the counts printed beside it
# (steps, context switches, preemptions) are that execution's, the same as
# replaying its token prints.
counts() { sed -n 's/^found by .*); //p'; }
for bug in pthread/racy_counter_bug pthread/exit_lock_cycle_bug \
	pthread/detached_arg_bug; do
	bin=$B/tests/detect/$bug
	out=$("$bin" 2>&1)
	cmd=$(printf '%s\n' "$out" | sed -n 's/^replay: //p')
	[ -n "$cmd" ] || fail "$bug: no replay line in: $out"
	rep=$(sh -c "$cmd" 2>&1)
	want=$(printf '%s\n' "$out" | counts)
	[ -n "$want" ] || fail "$bug: no counts in: $out"
	expect_eq "$(printf '%s\n' "$rep" | counts)" "$want" "$bug: counts of the replayed execution"
done
echo ok
