# Standard input is the same in every execution, whatever it is: a file
# (read from the offset it had at start-up), a pipe or a FIFO (read to its
# end before the first execution), /dev/null (end of file at once).  The
# programs read their first line with fgets and the rest with scanf; the
# racy one is a bug with the output of the failing execution showing all
# the input read (its total may have lost an update), the correct one is
# verified (a later execution reading less would be reported as a program
# taking another path, exit 2).  A pipe carrying more than 64 MiB is
# inconclusive, with the reason, and so is a read of one that never ends.
. tests/cli/common.inc
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
ok=$B/tests/cli/stdin_sum_ok
bug=$B/tests/cli/stdin_sum_bug
printf '1\n2\n3\n' >"$d/in.txt"

# check HOW PROG WANT_RC WANT_VERDICT [WANT_OUTPUT]: PROG run by HOW
# (a shell command feeding its standard input, PROG as $0).
check() {
	sh -c "$1" "$2" >"$d/out.txt" 2>"$d/err.txt"
	rc=$?
	expect_eq $rc "$3" "$1 ($(basename "$2")): exit status ($(head -c 300 "$d/err.txt"))"
	v=$(head -n 1 "$d/out.txt")
	case $v in "== $(basename "$2"): $4"*) ;;
	*) fail "$1 ($(basename "$2")): verdict '$v', expected '$4'" ;; esac
	[ -z "${5:-}" ] || grep -q "^$5" "$d/err.txt" ||
		fail "$1 ($(basename "$2")): no '$5' in the output: $(cat "$d/err.txt")"
}

for how in "exec \"\$0\" <'$d/in.txt'" \
	"printf '1\\n2\\n3\\n' | \"\$0\"" \
	"(sleep 1; cat '$d/in.txt') | \"\$0\"" \
	"mkfifo '$d/fifo' && { cat '$d/in.txt' >'$d/fifo' & exec \"\$0\" <'$d/fifo'; }" \
	"WEFT_OPTIONS='jobs=2 strategy=random iterations=300' exec \"\$0\" <'$d/in.txt'" \
	"cat '$d/in.txt' | WEFT_OPTIONS='jobs=2 strategy=random iterations=300' \"\$0\""; do
	rm -f "$d/fifo"
	check "$how" "$bug" 1 "bug (data-race)" "read 3 numbers, total "
	rm -f "$d/fifo"
	case $how in *iterations*) v="pass" ;; *) v="verified" ;; esac
	check "$how" "$ok" 0 "$v"
done
# A file whose first line the shell has already read: every execution
# starts after it.
check "{ read -r first; exec \"\$0\"; } <'$d/in.txt'" "$bug" 1 \
	"bug (data-race)" "read 2 numbers, total "
check "{ read -r first; exec \"\$0\"; } <'$d/in.txt'" "$ok" 0 "verified"
# /dev/null: no numbers, no threads, nothing to report.
check "exec \"\$0\" </dev/null" "$bug" 0 "verified"
check "exec \"\$0\" </dev/null" "$ok" 0 "verified"
# A pipe that never ends (its writer sleeps): waited for 5 s of silence,
# then a program that does not read it runs, and a read of it is
# inconclusive (weft waited for ever).
for prog in "$B/tests/cli/stdin_unread" "$ok"; do
	rm -f "$d/fifo"
	mkfifo "$d/fifo"
	sleep 60 >"$d/fifo" &
	writer=$!
	case $prog in
	*unread) check "exec \"\$0\" <'$d/fifo'" "$prog" 0 "verified" \
		"weft: standard input (a pipe) gave nothing" ;;
	*) check "exec \"\$0\" <'$d/fifo'" "$prog" 3 \
		"inconclusive (unsupported: unterminated stdin" ;;
	esac
	kill $writer
	wait $writer 2>/dev/null
done
# Too much input in a pipe.
check "head -c 70000000 /dev/zero | \"\$0\"" "$ok" 3 \
	"inconclusive (unsupported: stdin > 64 MiB"
echo ok
