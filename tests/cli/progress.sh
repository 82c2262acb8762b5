# A run longer than 2 s shows a progress line on stderr when stderr is a
# terminal (executions, executions/s, the strategy), erased at the end;
# --quiet turns it off, and a pipe never gets it.
. tests/cli/common.inc
# on_tty ARGS...: run with stderr on a pseudo-terminal, print what it got
on_tty() {
	python3 -c '
import os, pty, subprocess, sys
master, slave = pty.openpty()
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=slave)
os.close(slave)
got = b""
while True:
    try:
        chunk = os.read(master, 4096)
    except OSError:
        break
    if not chunk:
        break
    got += chunk
p.wait()
sys.stdout.write(got.decode("utf-8", "replace"))
' "$@"
}
# reports.c's slow test sleeps in each execution: three runs of 3 s that
# leave the processor to the other tests.
R=$B/tests/cli/reports
long="--filter=slow --strategy=random --iterations=0 --time-limit=3"
err=$(on_tty $R $long)
case "$err" in *"weft: slow: "*" executions, "*"/s, random, "*) ;;
*) fail "no progress line on a terminal: '$err'" ;; esac
# The line is redrawn in place and blanked at the end.
case "$err" in *"
"*) fail "progress line has a newline: '$err'" ;; esac
err=$(on_tty $R $long --quiet)
[ -z "$err" ] || fail "--quiet still shows progress: '$err'"
err=$($R $long 2>&1 >/dev/null)
[ -z "$err" ] || fail "progress on a pipe: '$err'"
# A short run shows nothing either.
err=$(on_tty $P --filter=clean)
[ -z "$err" ] || fail "progress for a short run: '$err'"
echo ok
