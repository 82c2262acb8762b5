# A crash or a hang in one test is reported and the others still run; a
# hang is weft's time limit (inconclusive), not a bug of the program.
. tests/cli/common.inc
out=$($P --time-limit=1 --format=json)
expect_eq $? 1 "exit status with bugs"
line() { printf '%s\n' "$out" | grep "\"test\":\"$1\""; }
line crashes | grep -q '"verdict":"bug","kind":"crash"' || fail "crash not reported: $(line crashes)"
line crashes | grep -q 'null pointer' || fail "crash details missing"
line hangs | grep -q '"verdict":"inconclusive","kind":null,"reason":"time-limit"' ||
	fail "hang not reported as inconclusive: $(line hangs)"
line clean | grep -q '"verdict":"verified"' || fail "clean test: $(line clean)"
line deadlocks | grep -q '"kind":"deadlock"' || fail "deadlock: $(line deadlocks)"
echo ok
