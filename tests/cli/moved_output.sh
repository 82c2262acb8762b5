# Standard output the program points elsewhere (output_moved.c): onto a
# file it reads back, the bytes are there (stdout_dup2_ok, stdout_freopen_*
# check the verdicts); onto standard error, weft still keeps it aside, so
# no execution's lines reach the terminal (they all did, 30,243 lines for
# three threads, and each printf became a step: a review's probe).
. tests/cli/common.inc
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT

ok=$B/tests/detect/pthread/stdout_onto_stderr_ok
"$ok" >"$d/out" 2>"$d/err"
expect_eq $? 0 "stdout_onto_stderr_ok: exit status ($(cat "$d/out"))"
expect_eq "$(cat "$d/err")" "" "stdout_onto_stderr_ok: stderr"
grep -q "^== stdout_onto_stderr_ok: verified (exhaustive: 2 schedules" "$d/out" ||
	fail "stdout_onto_stderr_ok: $(cat "$d/out")"

# A file: the program reads back what its threads wrote, in every run,
# and the next execution starts with the terminal's descriptor again (the
# verdict line reaches stdout).
for t in stdout_dup2_ok stdout_freopen_ok; do
	"$B/tests/detect/pthread/$t" >"$d/out" 2>"$d/err"
	expect_eq $? 0 "$t: exit status ($(cat "$d/out" "$d/err"))"
	grep -q "^== $t: verified" "$d/out" || fail "$t: $(cat "$d/out")"
	expect_eq "$(cat "$d/err")" "" "$t: stderr"
done
echo ok
