# The spin watchdog (src/detect/race_stall.c), made quick with
# WEFT_SPIN_STALL_MS so that a loop of a fraction of a second reaches it.
# A spin on a plain flag is found as a data race.  A computation over a
# table no thread writes, with its worker runnable (compute_runnable_ok),
# looks like a spin: its read becomes a scheduling point and each round
# a step, so the run ends at the step limit, inconclusive, and is no
# livelock (a read there polls only while another thread can run; it was
# a false livelock).  The same computation alone stays verified.
. tests/cli/common.inc
verdict() { # PROGRAM: "verdict kind" of its run
	WEFT_SPIN_STALL_MS=50 WEFT_OPTIONS="format=json" "$1" 2>/dev/null |
		sed -n 's/.*"verdict":"\([a-z]*\)","kind":"*\([a-z-]*\).*/\1 \2/p'
}
out=$(COMPUTE_ROUNDS=60000000 WEFT_SPIN_STALL_MS=50 \
	WEFT_OPTIONS="format=json" \
	$B/tests/detect/pthread/compute_runnable_ok 2>/dev/null)
printf '%s\n' "$out" | grep -q '"verdict":"inconclusive","kind":null,"reason":"step-limit"' ||
	fail "a computation while another thread can run: $out"
v=$(COMPUTE_ROUNDS=60000000 verdict $B/tests/detect/pthread/long_compute_ok)
expect_eq "$v" "verified null" "a computation alone"
v=$(verdict $B/tests/detect/pthread/plain_spin_bug)
expect_eq "$v" "bug data-race" "a spin on a plain flag"
v=$(verdict $B/tests/detect/pthread/plain_spin_ok)
expect_eq "$v" "verified null" "a spin on an atomic flag"
# The spin's site is learnt in an execution that ends there; the race is
# found in a later one, whose token carries the site, so it replays
# whatever the watchdog does (the replay runs with the default second).
tok=$(WEFT_SPIN_STALL_MS=50 WEFT_OPTIONS="format=json" \
	$B/tests/detect/pthread/plain_spin_bug 2>/dev/null |
	sed -n 's/.*"replay":"\([^"]*\)".*/\1/p')
[ -n "$tok" ] || fail "no replay token for the spin's race"
for i in 1 2 3; do
	out=$(WEFT_OPTIONS="replay=$tok" $B/tests/detect/pthread/plain_spin_bug 2>&1)
	printf '%s\n' "$out" | grep -q "bug (data-race)" ||
		fail "replay $i of the spin's race: $out"
done
# A value that is no number of milliseconds is one line and exit status
# 2 (abc and -5 were ignored without a word).
for v in abc -5 0 12x; do
	err=$(WEFT_SPIN_STALL_MS=$v $B/tests/detect/pthread/plain_spin_ok 2>&1 >/dev/null)
	expect_eq $? 2 "WEFT_SPIN_STALL_MS=$v"
	expect_eq "$err" "weft: WEFT_SPIN_STALL_MS=$v: expected a whole number of milliseconds from 1 to 3600000" "WEFT_SPIN_STALL_MS=$v"
done
echo ok
