# An element of a static array of mutexes is named by its index in a
# report ("forks[1]"), not by its byte offset ("forks+40").
. tests/cli/common.inc
X=$B/tests/detect/pthread/philosophers_bug
[ -x "$X" ] || fail "no $X"
out=$($X 2>&1)
case "$out" in *"forks["[0-4]"]"*) ;; *) fail "no forks[i] in: $out" ;; esac
case "$out" in *"forks+"*) fail "an offset name in: $out" ;; esac
echo ok
