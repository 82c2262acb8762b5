# A program started with standard input, output or error closed gets the
# verdict and exit status it gets with them open: weft opens /dev/null on
# a closed standard descriptor before it creates any of its own, so no
# pipe of weft's is taken for stdin (a correct program's worker died of
# SIGPIPE) and race reports keep their source lines (the addr2line
# helper's pipes were the ones confused).  The verdict is the text
# report's first line.  With stdout closed the report has nowhere to go:
# one line on stderr says so, with exit status 2 (the report vanished
# into /dev/null with the verdict's status, a probe of the command line).
. tests/cli/common.inc
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
# The report's first line, its time left out.
first() { head -n 1 "$1" | sed 's/[0-9.]* s)$/T s)/'; }

for prog in racy_counter_bug racy_counter_ok; do
	x=$B/tests/detect/pthread/$prog
	$x >"$d/open.txt" 2>/dev/null
	want_rc=$?
	want=$(first "$d/open.txt")
	case $want in "== $prog: "*) ;; *) fail "$prog: first line '$want'" ;; esac
	for how in '<&-' '2>&-' '<&- 2>&-' '>&-' '<&- >&- 2>&-'; do
		sh -c "exec \"\$0\" $how" "$x" >"$d/out.txt" 2>"$d/err.txt"
		rc=$?
		case " $how" in *' >&-'*)
			expect_eq $rc 2 "$prog $how: exit status"
			case $how in *'2>&-'*) continue ;; esac
			expect_eq "$(cat "$d/err.txt")" "weft: cannot write the report to standard output: Bad file descriptor" "$prog $how: the one line"
			continue ;;
		esac
		expect_eq $rc "$want_rc" "$prog $how: exit status"
		expect_eq "$(first "$d/out.txt")" "$want" "$prog $how: verdict"
	done
done
# The report of the race names its source line with stdin closed, as
# with stdin open.
$B/tests/detect/pthread/racy_counter_bug <&- >"$d/race.txt" 2>/dev/null
grep -q 'racy_counter_bug\.c:[1-9]' "$d/race.txt" ||
	fail "race report without source lines: $(head -n 3 "$d/race.txt")"
echo ok
