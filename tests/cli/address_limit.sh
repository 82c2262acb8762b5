# Under an address-space limit too small for weft's reservations (ulimit
# -v), a run ends with exit status 3 and one line that names the cause,
# not a crash or a bug of the program.
. tests/cli/common.inc
out=$( (ulimit -v 2000000 && $P --filter=clean) 2>&1)
status=$?
expect_eq $status 3 "exit status under ulimit -v"
expect_eq "$(printf '%s\n' "$out" | grep -c .)" 1 "lines of output: $out"
case "$out" in
*"cannot reserve"*"address space"*"ulimit -v, here 1953 MiB"*) ;;
*) fail "the message does not name the limit: $out" ;;
esac
echo ok
