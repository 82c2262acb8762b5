# --list, --filter globs, WEFT_OPTIONS, flags winning over it, --help.
. tests/cli/common.inc
expect_eq "$($P --list | tr '\n' ' ')" "deadlocks crashes clean hangs " "--list"
expect_eq "$($P --list --filter='c*' | tr '\n' ' ')" "crashes clean " "--filter glob"
out=$(WEFT_OPTIONS="strategy=random iterations=7 format=json" $P --filter=clean)
printf '%s' "$out" | grep -q '"executions":7' || fail "WEFT_OPTIONS ignored: $out"
out=$(WEFT_OPTIONS="strategy=random iterations=7 format=json" $P --filter=clean --iterations=3)
printf '%s' "$out" | grep -q '"executions":3' || fail "flag did not win: $out"
$P --help | grep -q -- '--preemption-bound' || fail "--help"
$P --version | grep -q '^weft ' || fail "--version"
echo ok
