# What weft cannot model ends the search promptly with the reason named
# (the runner's expectations take one word, these reasons have more):
# asynchronous cancellation of a compute loop hung until the time limit
# and was reported as `time-limit`, and raise(SIGSTOP) stopped the worker
# until the time limit.
. tests/cli/common.inc
for t in cancel_async_loop_inconclusive:"unsupported: asynchronous cancellation" \
	 sigstop_self_inconclusive:"unsupported: SIGSTOP"; do
	X=$B/tests/detect/pthread/${t%%:*}
	reason=${t#*:}
	[ -x "$X" ] || fail "no $X"
	start=$(date +%s)
	out=$(WEFT_OPTIONS='format=json time-limit=20' $X 2>/dev/null)
	took=$(( $(date +%s) - start ))
	case "$out" in
	*'"verdict":"inconclusive","kind":null,"reason":"'"$reason"'"'*) ;;
	*) fail "${t%%:*}: $out" ;;
	esac
	[ "$took" -lt 10 ] || fail "${t%%:*} took $took s"
done
echo ok
