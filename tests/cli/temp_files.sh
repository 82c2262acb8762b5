# What mkstemp and mkdtemp make in an execution is removed when the
# execution is over, however it ended: a program racing on a counter
# ends its failing execution (an assertion) before its own unlink and rmdir, and each
# such execution left a file and a directory behind (a probe of ordinary
# pthread programs found mkstemp's files in /tmp).
. tests/cli/common.inc
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
out=$(WEFT_OPTIONS='strategy=dfs' $B/tests/cli/temp_files "$d")
expect_eq $? 1 "the racy counter is a bug"
printf '%s\n' "$out" | grep -q 'assertion' || fail "no assertion in: $out"
expect_eq "$(ls -A "$d")" "" "files left in the directory"
echo ok
