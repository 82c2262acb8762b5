# Another CPU's copy of a static per-CPU variable is named after the
# variable in a report ("rx_pkts[cpu 1]"), not as anonymous memory
# ("memory@1": a probe of Linux driver code).
. tests/cli/common.inc
X=$B/tests/detect/kernel/percpu_remote_sum_bug
[ -x "$X" ] || fail "no $X"
out=$($X 2>&1)
case "$out" in *"data race on rx_pkts[cpu "[1-7]"]"*) ;; *) fail "no rx_pkts[cpu N] in: $out" ;; esac
case "$out" in *"memory@"*) fail "an anonymous name in: $out" ;; esac
echo ok
