# A supervisor that stops weft's own process (SIGTERM or SIGINT to its
# pid, not to its process group) stops the test too: the worker dies with
# its parent instead of running the test on for ever, re-parented to init.
. tests/cli/common.inc
# (env restores the signals' default actions: a background command of a
# shell without job control, or of a runner that ignores them, inherits
# SIGINT ignored.)
for sig in TERM INT; do
	env --default-signal=TERM,INT "$P" --filter=hangs --time-limit=30 \
		>/dev/null 2>&1 &
	parent=$!
	# The worker is the parent's child running the same program.
	worker=
	for i in $(seq 1 100); do
		worker=$(pgrep -P "$parent" | head -n 1)
		[ -n "$worker" ] && break
		sleep 0.05
	done
	[ -n "$worker" ] || fail "no worker appeared under $parent"
	kill -"$sig" "$parent"
	wait "$parent" 2>/dev/null || true
	gone=
	for i in $(seq 1 100); do
		kill -0 "$worker" 2>/dev/null || { gone=1; break; }
		sleep 0.05
	done
	if [ -z "$gone" ]; then
		kill -KILL "$worker" 2>/dev/null
		fail "SIG$sig to weft left its worker $worker running"
	fi
done
echo ok
