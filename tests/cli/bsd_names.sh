# A FreeBSD taskqueue's steps and threads have taskqueue(9)'s names in a
# report (taskqueue_drain, taskq/0), not the Linux workqueue's it is built
# on (flush_work, kworker/0, process_one_work).
. tests/cli/common.inc
X=$B/tests/detect/kernel/taskqueue_drain_locked_bug
[ -x "$X" ] || fail "no $X"
out=$($X 2>&1)
for want in "waits in taskqueue_drain(foo_task)" "for task foo_task, running in taskq/0" "taskqueue_run(" "task_queued("; do
	case "$out" in *"$want"*) ;; *) fail "report lacks '$want': $out" ;; esac
done
for unwanted in kworker flush_work process_one_work queue_work; do
	case "$out" in *"$unwanted"*) fail "report names $unwanted: $out" ;; esac
done
# A drain from inside a task, of a task not yet queued when it was posted.
X=$B/tests/detect/bsdkernel/tq_drain_in_task_bug
[ -x "$X" ] || fail "no $X"
out=$($X 2>&1)
for want in "waits in taskqueue_drain(task_b)" "behind task task_a"; do
	case "$out" in *"$want"*) ;; *) fail "report lacks '$want': $out" ;; esac
done
for unwanted in flush_work "behind work"; do
	case "$out" in *"$unwanted"*) fail "report names $unwanted: $out" ;; esac
done
echo ok
