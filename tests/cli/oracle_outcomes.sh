# The oracle's outcome mode (tools/oracle/check.py --outcomes,
# outcomes.py): programs print their final state, and a verified search
# must have printed every state brute.py's interleavings reach.  A search
# that skips some, here one bounded to no preemption, is caught even
# where the program's assertions pin none of the skipped states (seeds
# 40-46: weft says verified, and the reads-from count alone misses some);
# the exhaustive search agrees.  Plus the comparison itself on made-up
# sets, for the state printed that no interleaving reaches.
. tests/cli/common.inc
command -v python3 >/dev/null || fail "python3 is needed"
W="$B/bin/weft-cc"
out=$(python3 tools/oracle/check.py --weft-cc "$W" --jobs 1 --outcomes \
	--seeds 40-46 --weft-options "preemption-bound=0" 2>&1)
expect_eq $? 1 "bounded search exit status"
case "$out" in *"seed 43: skipped-outcome: "*"never: R main.r0=1 main.r1=1 x1=0"*) ;;
*) fail "bounded search, seed 43: $out" ;; esac
n=$(printf '%s\n' "$out" | grep -c ": skipped-outcome: ")
[ "$n" -ge 5 ] || fail "bounded search: $n skipped-outcome lines: $out"
out=$(python3 tools/oracle/check.py --weft-cc "$W" --jobs 1 --outcomes \
	--seeds 40-46 2>&1)
expect_eq $? 0 "exhaustive search exit status: $out"
case "$out" in *"0 disagreements"*"outcomes: "*" verified programs compared"*) ;;
*) fail "exhaustive search: $out" ;; esac
python3 - <<'PY' || fail "compare_outcomes"
import sys
sys.path.insert(0, "tools/oracle")
import check
truth = {"outcomes": ["R x0=1", "R x0=2"]}
res = {"verdict": "verified", "executions": 2, "printed": {"R x0=1", "R x0=3"}}
got = sorted(c for c, _ in check.compare_outcomes(truth, res))
assert got == ["impossible-outcome", "skipped-outcome"], got
res["verdict"] = "bug"
assert check.compare_outcomes(truth, res) == []
PY
# The C of a program is unchanged unless outcomes are asked for.
python3 - <<'PY' || fail "emit_c"
import sys
sys.path.insert(0, "tools/oracle")
import gen
p = gen.generate(43)
plain, out = gen.emit_c(p), gen.emit_c(p, outcomes=True)
assert "printf" not in plain and "oc_t" not in plain
assert "printf(\"R main.r0=%d main.r1=%d x1=%d\\n\"" in out, out
PY
echo "ok: outcome mode catches a skipped final state"
