# Reports say what happened: the strategy that found a crash or met a time
# limit, the signal that killed a worker, a volatile access by that name;
# the trace of a data race draws both racing accesses with their threads
# and lines, and no step a report refers to is hidden in a collapsed run.
. tests/cli/common.inc
R=$B/tests/cli/reports
line() { grep -n -F -- "$1" tests/cli/reports.c | head -n 1 | cut -d: -f1; }
VW=$(line 'flag = 1;')
PW=$(line 'shared = 1;')
RR=$(line 'reports_sink = shared;')
FR=$(line 'weft_free(block);')
has() { printf '%s\n' "$1" | grep -q -F -- "$2" || fail "$3: no '$2' in:
$1"; }
hasnt() { ! printf '%s\n' "$1" | grep -q -F -- "$2" || fail "$3: '$2' in:
$1"; }
# Crashes and hangs name the strategy; a signal death names the signal.
out=$($P --filter=crashes)
has "$out" "found by dfs in execution" "crash"
out=$($P --filter=hangs --time-limit=1 --strategy=random)
hasnt "$out" "by  in" "time limit"
out=$($P --filter=hangs --time-limit=1 --format=json)
has "$out" '"strategy":"dfs"' "time limit, JSON"
# The hang's time is what passed before the worker was killed (the limit
# and a grace as long, 1 to 5 s: here at least 1 s, short of the 6 s every
# hang took before), not the 0.00 s of a worker that never timed its run;
# the message says how long it made no step.
secs=$(printf '%s\n' "$out" | sed -n 's/.*"seconds":\([0-9]*\)\..*/\1/p')
[ "${secs:-0}" -ge 1 ] || fail "hang's seconds: $out"
[ "${secs:-0}" -lt 6 ] || fail "hang's seconds, past limit and grace: $out"
has "$out" "reached no scheduling point for 1 s" "the hang's length"
# With --time-limit=2 the grace is 2 s: the execution, stalled from the
# start, is killed once the limit has passed, 2 to 3 s in.
out=$($P --filter=hangs --time-limit=2 --format=json)
secs=$(printf '%s\n' "$out" | sed -n 's/.*"seconds":\([0-9]*\)\..*/\1/p')
expect_eq "${secs:-0}" 2 "hang's seconds at --time-limit=2"
has "$out" "reached no scheduling point for 2 s" "the hang's length at --time-limit=2"
# A worker killed by SIGKILL (the out-of-memory killer, most often) is no
# bug of the program: inconclusive, status 3.
out=$($R --filter=killed)
expect_eq $? 3 "killed worker"
has "$out" "inconclusive (killed" "signal death"
has "$out" "killed by SIGKILL" "signal death"
hasnt "$out" "status -1" "signal death"
# A raised SIGSEGV is no fault: no faulting address (it was the pid).
out=$($R --filter=raised)
has "$out" "the signal was sent (raise, kill), not a fault" "raised signal"
hasnt "$out" "faulting address" "raised signal"
# A volatile access is named so, not "atomic".
out=$($R --filter=volatile_race)
has "$out" "volatile_write at reports.c:$VW" "volatile race header"
has "$out" "volatile_write of 4 bytes" "volatile race details"
hasnt "$out" "atomic" "volatile race"
# Both racing accesses, in their threads' columns, and both in the header.
out=$($R --filter=race_in_long_run)
has "$out" "data race on shared between plain_writer (write at reports.c:$PW) and ticker (read at reports.c:$RR)" "race header"
has "$out" "read(shared) [race]  reports.c:$RR" "racing read in the trace"
has "$out" "write(shared) [race]  reports.c:$PW" "racing write in the trace"
col() { # the column at which $2 appears in the first line of $1 holding it
	printf '%s\n' "$1" | grep -F -- "$2" | head -n 1 | awk -v s="$2" '{ print index($0, s) }'
}
head=$(printf '%s\n' "$out" | grep '^  race_in_long_run ')
[ "$(col "$out" "read(shared) [race]")" -eq "$(col "$head" ticker)" ] || fail "racing read not in ticker's column"
[ "$(col "$out" "write(shared) [race]")" -eq "$(col "$head" plain_writer)" ] || fail "racing write not in plain_writer's column"
# ... while the rest of the long run is still collapsed around it.
expect_eq "$(printf '%s\n' "$out" | grep -c 'more steps')" 2 "collapsed runs around the race"
# The free of a use-after-free stays visible inside a collapsed run.
out=$($R --filter=free_in_long_run)
has "$out" "weft_free(weft_malloc#0)  reports.c:$FR" "free of a use-after-free"
has "$out" "more steps" "collapsed run around the free"
# --verbose collapses nothing, and the marks do not duplicate steps.
out=$($R --filter=race_in_long_run --verbose)
hasnt "$out" "more steps" "verbose"
expect_eq "$(printf '%s\n' "$out" | grep -c 'fetch_add(ticks)')" 12 "verbose trace"
# A stack overflow names the program's innermost call, not the place in
# weft's or the C library's code where the stack happened to run out.
SO=$(grep -n -F 'return depth(frame, n + 1)' tests/detect/core/stack_overflow_bug.c | cut -d: -f1)
out=$($B/tests/detect/core/stack_overflow_bug --quiet)
has "$out" "stack overflow in thread recurse at stack_overflow_bug.c:$SO in depth (its innermost call" "stack overflow"
# A WEFT_TEST thread on weft's default stack (256 KiB, a native thread's
# is 8 MiB): the message says how to give it more; not once the user
# gave a size, nor for a pthread, which has the size it asked for.
hint="; a WEFT_TEST thread has weft's default 256 KiB of stack: a larger --stack-size tells whether the program needs more"
has "$out" "$hint" "stack overflow on the default stack"
out=$($B/tests/detect/core/stack_overflow_bug --quiet --stack-size=524288)
has "$out" "stack overflow in thread recurse" "stack overflow, --stack-size"
hasnt "$out" "WEFT_TEST thread has" "stack overflow, --stack-size"
out=$($B/tests/detect/pthread/stack_default_overflow_bug 2>&1)
has "$out" "stack overflow in thread" "a pthread's stack overflow"
hasnt "$out" "WEFT_TEST thread has" "a pthread's stack overflow"
# Below a recursion deeper than the function stack weft keeps (64 calls),
# still the innermost call, not the 64th from the outside (walk's).
SO=$(grep -n -F 'return depth(frame, n + 1)' tests/detect/core/stack_overflow_deep_bug.c | cut -d: -f1)
out=$($B/tests/detect/core/stack_overflow_deep_bug --quiet)
has "$out" "stack overflow in thread recurse at stack_overflow_deep_bug.c:$SO in depth (its innermost call" "deep stack overflow"
# The only call on record is weft's start of the thread: not named.
out=$($B/tests/detect/core/stack_overflow_vla_bug --quiet)
has "$out" "stack overflow in thread grow at " "overflow in a thread's own function"
hasnt "$out" "innermost call" "overflow in a thread's own function"
hasnt "$out" "thread_entry" "overflow in a thread's own function"
# A race 100 calls deep names the innermost calls first (the call of
# deep_leaf), not the outermost 64 the function stack kept once.
DL=$(line 'deep_leaf();')
out=$($R --filter=deep_calls)
first=$(printf '%s\n' "$out" | grep -m 1 'called from')
has "$first" "called from deep_recurse at " "deep race stack"
has "$first" "reports.c:$DL" "deep race stack"
# A trace of thousands of rows is drawn by its start and its end.
out=$($R --filter=endless_handoff --strategy=random --iterations=1 --max-steps=5000)
has "$out" "inconclusive (step-limit" "endless handoff"
has "$out" " more rows (--verbose)" "endless handoff"
n=$(printf '%s\n' "$out" | wc -l)
[ "$n" -lt 400 ] || fail "endless handoff: $n lines"
n=$($R --filter=endless_handoff --strategy=random --iterations=1 --max-steps=5000 --verbose | wc -l)
[ "$n" -gt 1000 ] || fail "endless handoff, --verbose: $n lines"
# The step limit names a thread blocked for most of the execution
# (tests/golden/hung_wait), but not when a thread that could run was
# starved: there fair scheduling is the answer, and the message says so
# (main waits to run while the worker loops, in busy_worker_ok), when
# the user keeps --starve-bound off; without the flag the search runs
# again with it on by itself, and says so.
out=$(WEFT_OPTIONS="strategy=dfs max-steps=3000 starve-bound=0" $B/tests/detect/pthread/busy_worker_ok)
has "$out" "inconclusive (step-limit" "starved main"
has "$out" "--starve-bound=1000" "starved main"
hasnt "$out" "has waited in" "starved main"
out=$(WEFT_OPTIONS="strategy=dfs max-steps=3000" $B/tests/detect/pthread/busy_worker_ok)
has "$out" "verified (exhaustive" "starved main, bound on by itself"
has "$out" "ran 1000 steps while others could run" "starved main, bound on by itself"
has "$out" "the search ran again with --starve-bound=1000" "starved main, bound on by itself"
# A budget spent while the exhaustive half had not ended says how to let
# it end (a probe's lock-free queues passed in 1.5 s of a 60 s limit,
# and verified with --iterations=0); an exhaustive strategy asked for by
# name never switches, and says nothing of it.
out=$(WEFT_OPTIONS="iterations=200" $B/tests/golden/fair_abandon)
has "$out" "budget spent" "auto, budget spent"
has "$out" "note: the exhaustive search had not ended at half of the --iterations=200 budget" "auto, budget spent"
out=$(WEFT_OPTIONS="iterations=200 strategy=dfs" $B/tests/golden/fair_abandon)
hasnt "$out" "PCT sampled" "dfs, budget spent"
# Spurious wakeups explored in such a search multiply its schedules (a
# probe's thread pool passed after 60 s, and verified in 4.5 s with
# --no-spurious): the verdict says how to leave them out, and not when
# they were left out already, or when the search had no wait to wake.
out=$(WEFT_OPTIONS="iterations=40" $B/tests/detect/pthread/one_cond_signal_ok)
has "$out" "note: spurious wakeups (POSIX allows them, and weft explores one per waiting thread and execution) multiply the schedules; --no-spurious leaves them out" "auto, spurious wakeups"
out=$(WEFT_OPTIONS="iterations=40 no-spurious" $B/tests/detect/pthread/one_cond_signal_ok)
has "$out" "PCT sampled" "auto, no spurious wakeups"
hasnt "$out" "no-spurious" "auto, no spurious wakeups"
out=$(WEFT_OPTIONS="iterations=200" $B/tests/golden/fair_abandon)
hasnt "$out" "no-spurious" "auto, no wait"
# A static object's destructor run at exit frees at "exit, in the
# destructor of" the object, not at weft's or the C++ library's code.
out=$($B/tests/detect/cxx/static_dtor_bug)
has "$out" "and freed by static_dtor_bug at exit, in the destructor of config" "static destructor's free"
hasnt "$out" "libweft.so" "static destructor's free"
# A thread-specific data destructor that is free itself (weft calls it at
# the thread's end) frees at the thread's end, in the destructor of the
# key, named by the line that created it, not at libweft.so:0.
out=$($B/tests/detect/pthread/key_free_dtor_bug)
has "$out" "and freed by worker at its end, in the destructor of the key created at" "key destructor's free"
has "$out" "key_free_dtor_bug.c:38" "key destructor's free: the key's line"
hasnt "$out" "libweft.so" "key destructor's free"
# A crash in the C library's code names the program's call too.
out=$($B/tests/detect/pthread/strlen_null_bug)
has "$out" "(called from strlen_null_bug.c:25 in main)" "crash in libc"
# A failing exit status names how the program ended and with what.
out=$($B/tests/detect/pthread/exit_status_bug)
has "$out" "exit-status: the program returned from main with status 1 (at " "exit status"
# ... at main itself, not at a return statement: the compiler merges
# main's returns into one epilogue, whose line is the last return's, so
# the 'return 1' in the middle was reported at the line before it.
src=tests/detect/pthread/exit_status_bug.c
line=$(($(grep -n '^int main' "$src" | cut -d: -f1) + 1))
has "$out" "status 1 (at $PWD/$src:$line)" "exit status at main"
# A verification over sampled nondet values says it holds for those only,
# never "no bound needed" (a reachable reach_error() outside the sample
# would otherwise be read as proved unreachable).
out=$($B/tests/detect/svcomp/nondet_ok)
has "$out" "every interleaving, for the nondet values noted only" "sampled inputs"
hasnt "$out" "no bound needed" "sampled inputs"
# weft's flags on the command line of a program with its own main reach
# the program, not weft: a note on stderr says so, once, and how.
err=$($B/tests/detect/pthread/exit_status_ok --strategy=random --iterations=5 2>&1 >/dev/null)
has "$err" "weft: note: --strategy=random is passed to the program's own main, not to weft; give weft's options in WEFT_OPTIONS (WEFT_OPTIONS='strategy=random' " "flags to main"
expect_eq "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "flags to main: one line"
err=$($B/tests/detect/pthread/exit_status_ok --strategyx --verbose 2>&1 >/dev/null)
expect_eq "$err" "" "a word that is no weft flag, and one without a value"
# Threads the exit leaves waiting for each other's locks are named with
# the locks they wait in, besides the inverted order itself.
out=$($B/tests/detect/pthread/exit_lock_cycle_bug)
has "$out" "deadlock left at exit: threads " "lock cycle at exit"
has "$out" "waits in pthread_mutex_lock(b) at " "lock cycle at exit"
has "$out" "for mutex b held by " "lock cycle at exit"
# A data race found before a later execution hangs is the verdict, with
# the replay token of the execution that found it (it was an
# inconclusive time limit, exit status 3).
out=$($R --filter=found_then_hang --time-limit=1)
expect_eq $? 1 "race, then a hang"
has "$out" "found_then_hang: bug (data-race)" "race, then a hang"
has "$out" "reached no scheduling point" "race, then a hang"
tok=$(printf '%s\n' "$out" | sed -n 's/^replay: .*--replay=\([^ ]*\).*/\1/p')
[ -n "$tok" ] || fail "race, then a hang: no replay token in: $out"
out=$($R --filter=found_then_hang --replay="$tok")
has "$out" "write(found_x) [race]" "the kept token replays the race"
# Found in the execution that hangs: its own trace and token, whose replay
# shows the race before it runs into the same hang (cut by the limit).
out=$($R --filter=found_and_hang --time-limit=1)
expect_eq $? 1 "race and hang in one execution"
has "$out" "found_and_hang: bug (data-race)" "race and hang in one execution"
has "$out" "write(same_x) [race]" "race and hang in one execution"
tok=$(printf '%s\n' "$out" | sed -n 's/^replay: .*--replay=\([^ ]*\).*/\1/p')
[ -n "$tok" ] || fail "race and hang: no replay token in: $out"
out=$($R --filter=found_and_hang --replay="$tok" --time-limit=1)
hasnt "$out" "diverged" "the hung execution's token replays"
# A hang in the program's own code names where the thread was running
# (the watchdog's probe, src/detect/race_stuck.c); one weft cannot prove
# endless stays a time limit, inconclusive.
out=$($R --filter=hang_busy --time-limit=1)
expect_eq $? 3 "a busy hang"
has "$out" "hang_busy: inconclusive (time-limit" "a busy hang"
has "$out" "; thread hang_busy was running at reports.c:$(line '/* busy loop */') in weft_test_fn_hang_busy" "a busy hang"
out=$($R --filter=hang_in_libc --time-limit=1)
expect_eq $? 3 "a hang in the C library"
has "$out" "; thread hang_in_libc was running at reports.c:$(line '/* libc loop */') in weft_test_fn_hang_in_libc" "a hang in the C library"
# A status no process can exit with says what the process would exit
# with, and that a main declared void returns garbage.
out=$($B/tests/detect/pthread/exit_status_wide_bug 2>&1)
has "$out" "returned from main with status 1001" "wide status"
has "$out" "would exit with status 233; a main declared void" "wide status"
# A null read at a racing site faults in the program's read, at its line,
# not in weft's copy of the value about to be read.
out=$($B/tests/detect/pthread/lazy_init_null_bug 2>&1)
has "$out" "at lazy_init_null_bug.c:48 in user" "null read at a racing site"
hasnt "$out" "inside weft's model" "null read at a racing site"
# A lock of a destroyed pthread mutex names the destroy, not "memory that
# holds no mutex" (the destroyed state's owner, -1, had looked like
# garbage); a destroy while a thread waits gives one "(at ...)", the
# report's own.
out=$(WEFT_OPTIONS=strategy=dfs $B/tests/detect/pthread/mutex_destroyed_bug --quiet)
has "$out" "pthread_mutex_lock of conn, which was destroyed at " "lock after destroy"
hasnt "$out" "holds no mutex" "lock after destroy"
out=$(WEFT_OPTIONS=strategy=dfs $B/tests/detect/pthread/cond_destroy_waiter_bug --quiet)
has "$out" "waits on it at " "destroy with a waiter"
expect_eq "$(printf '%s\n' "$out" | sed -n 2p | grep -o '(at ' | wc -l)" 1 "one (at ...) in the destroy's message"
# A report standard output cannot take (a full disk) is said, with status
# 2: it was lost with the test's own status and no word.
if [ -w /dev/full ]; then
	err=$($R --filter=volatile_race 2>&1 >/dev/full)
	expect_eq $? 2 "report to a full standard output"
	has "$err" "weft: cannot write the report to standard output: No space left on device" "report to a full standard output"
fi
# Two reports to one file under two names, or one report to two files:
# an error, status 2 (one of them was lost without a word).
d=$(mktemp -d)
err=$($R --filter=volatile_race --json="$d/same.out" --junit="$d/./same.out" 2>&1 >/dev/null)
expect_eq $? 2 "one file under two names"
has "$err" "name the same file" "one file under two names"
err=$($R --filter=volatile_race --json="$d/a.json" --json="$d/b.json" 2>&1 >/dev/null)
expect_eq $? 2 "--json twice"
has "$err" "--json given twice ($d/a.json and $d/b.json)" "--json twice"
rm -rf "$d"
# WEFT_TESTs that print: with --format=json standard output is JSON Lines
# only, and the failing execution's output follows on standard error.
T=$B/tests/cli/test_prints
d=$(mktemp -d)
$T --format=json >"$d/out" 2>"$d/err"
python3 -c 'import json, sys
for l in open(sys.argv[1]): json.loads(l)' "$d/out" || fail "test_prints: stdout is not JSON Lines: $(head -c 300 "$d/out")"
expect_eq "$(grep -c -- '--- output of the failing execution ---' "$d/err")" 2 "test_prints: output sections"
expect_eq "$(grep -c '^counter is 1$' "$d/err")" 1 "test_prints: the first failing execution's output"
expect_eq "$(grep -c '^second counter is 1$' "$d/err")" 1 "test_prints: the second test's own output"
hasnt "$(cat "$d/out" "$d/err")" "hello from the test" "test_prints: a passing test's output"
rm -rf "$d"
# Threads spinning together: the livelock's advice names what bounds the
# rounds, --max-steps when half of it cut a larger --spin-bound.
S=$B/tests/detect/core/spin_together_bug
out=$($S --max-steps=100 --spin-bound=5000)
has "$out" "spinning for 50 steps" "spin bound cut by --max-steps"
has "$out" "raise --max-steps: --spin-bound counts at most half of it" "spin bound cut by --max-steps"
out=$($S --spin-bound=60)
has "$out" "spinning for 60 steps" "spin bound"
has "$out" "no livelock: raise --spin-bound)" "spin bound"
echo ok
