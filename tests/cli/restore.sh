# Restoring the program's data before each execution by copying back only
# the pages written (src/sched/globals.c) gives the verdicts and execution
# counts of the full copy, on a program with 4.3 MB of globals written by
# stores, the C library and a read() system call (restore_pages.c checks
# at the start of main that every global is as loaded).  WEFT_RESTORE=check
# also compares every byte after every restore (check:N, after the first
# N).  Where the kernel cannot report written pages (before Linux 6.7),
# the status line must say so and the full copy is what runs.
. tests/cli/common.inc
x=$B/tests/cli/restore_pages
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT

st=$(WEFT_RESTORE=status $x 2>&1 >/dev/null | grep 'weft: restore:')
case $st in
*"written pages only") ;;
*"full copy (no userfaultfd"*)
	# Refused by the environment (a seccomp filter, as in containers,
	# or a kernel without it): the full copy is what runs.
	echo "note: $st" ;;
*"full copy ("*)
	kv=$(uname -r | sed 's/^\([0-9]*\)\.\([0-9]*\).*/\1 \2/')
	set -- $kv
	if [ "$1" -gt 6 ] || { [ "$1" -eq 6 ] && [ "$2" -ge 7 ]; }; then
		fail "Linux $(uname -r) has PAGEMAP_SCAN, yet: $st"
	fi ;;
*) fail "no restore status line: '$st'" ;;
esac
# Small data is copied whole: asking the kernel costs more.
st=$(WEFT_RESTORE=status $B/tests/detect/pthread/racy_counter_ok 2>&1 >/dev/null | grep 'weft: restore:')
case $st in *"full copy (the program's data is small)") ;;
*) fail "small program: '$st'" ;; esac

# verdict, executions and token (JSON) of one run
run() {
	WEFT_RESTORE=$1 WEFT_OPTIONS="--format=json --strategy=$3 --iterations=300" \
		$x $2 >"$d/out.json" 2>"$d/err.txt"
	echo "rc=$? $(sed -n 's/.*"verdict":"\([a-z-]*\)".*/\1/p' "$d/out.json") \
$(sed -n 's/.*"executions":\([0-9]*\).*/\1/p' "$d/out.json") \
$(sed -n 's/.*"replay":"\([^"]*\)".*/\1/p' "$d/out.json")"
}
for strat in dfs random; do
	ok=$(run copy "" $strat)
	case $ok in "rc=0 verified "*|"rc=0 pass "*) ;;
	*) fail "$strat: the correct program under the full copy: $ok" ;; esac
	expect_eq "$(run "" "" $strat)" "$ok" "$strat: pages against copy"
	expect_eq "$(run check "" $strat)" "$ok" "$strat: check against copy"
	expect_eq "$(run check:7 "" $strat)" "$ok" "$strat: check:7 against copy"
	bug=$(run copy race $strat)
	case $bug in "rc=1 bug "*) ;;
	*) fail "$strat: the racy program under the full copy: $bug" ;; esac
	expect_eq "$(run "" race $strat)" "$bug" "$strat: race, pages against copy"
	expect_eq "$(run check race $strat)" "$bug" "$strat: race, check against copy"
	expect_eq "$(run check:7 race $strat)" "$bug" "$strat: race, check:7 against copy"
done

# A program that closes every descriptor above 2 and opens log files
# under their numbers: weft falls back to the full copy and leaves the
# program's descriptors alone while the execution runs (it used to close
# one, a false assertion).
y=$B/tests/cli/restore_fds
for how in "" check copy; do
	WEFT_RESTORE=$how WEFT_OPTIONS="--strategy=random --iterations=50 --format=json" \
		$y "$d/log" >"$d/fds.json" 2>"$d/fds.err"
	rc=$?
	v=$(sed -n 's/.*"verdict":"\([a-z-]*\)".*/\1/p' "$d/fds.json")
	expect_eq "rc=$rc $v" "rc=0 pass" "restore_fds (WEFT_RESTORE=$how)"
	rm -f "$d/log"
done

# A value WEFT_RESTORE does not know is a usage error, and so is a count
# of comparisons that is not a positive number.
for bad in full check: check:0 check:-2 check:x check:5x check:99999999999999999999; do
	WEFT_RESTORE=$bad $B/tests/detect/pthread/racy_counter_ok >/dev/null 2>"$d/err.txt"
	expect_eq "$?" 2 "WEFT_RESTORE=$bad: exit status"
	expect_eq "$(cat "$d/err.txt")" "weft: WEFT_RESTORE=$bad: expected copy, check, check:N or status" "WEFT_RESTORE=$bad: message"
done
WEFT_RESTORE=check:1 WEFT_OPTIONS="--strategy=random --iterations=20" $B/tests/detect/pthread/racy_counter_ok >/dev/null 2>&1
expect_eq "$?" 0 "WEFT_RESTORE=check:1"
echo ok
