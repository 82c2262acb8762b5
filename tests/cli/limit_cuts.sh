# A program every execution of which a limit of weft cuts: the default
# strategy falls back to random schedules only when a cut may have hidden
# another thread's steps (a thread was live and the cut was no refused
# call), and otherwise stops where --strategy=dfs does (a call to alarm()
# before any thread ran 999 executions where dfs ran one).  One process
# with --split=W falls back no more than its parts do, so --jobs=N counts
# what it counts.
. tests/cli/common.inc
X=$B/tests/cli/limit_cuts
counts() { # ARG OPTIONS: "verdict reason executions limited strategy"
	WEFT_OPTIONS="format=json $2" $X "$1" 2>/dev/null | grep '^{' |
		sed -E 's/.*"verdict":"([a-z]*)".*"reason":"([^"]*)".*"executions":([0-9]*),.*"limited":([0-9]*),"strategy":"([a-z+]*)".*/\1 \2 \3 \4 \5/'
}
for a in alarm fork bigalloc; do
	dfs=$(counts $a strategy=dfs)
	case $dfs in "inconclusive "*" dfs") ;; *) fail "$a under dfs: '$dfs'" ;; esac
	expect_eq "$(counts $a "")" "$dfs" "$a: the default strategy against dfs"
	expect_eq "$(counts $a "split=16 jobs=2")" "$(counts $a split=16)" "$a: --jobs=2 against one process"
done
expect_eq "$(counts alarm strategy=dfs)" "inconclusive unsupported: alarm 0 1 dfs" "alarm: one execution"
expect_eq "$(counts bigalloc strategy=dfs)" "inconclusive memory-limit 0 1 dfs" "bigalloc: one execution"
# The workers were live at the thread limit: random schedules may run
# them before it (tests/detect/sound/limit_fallback_*), but not in a
# split search, which counts the same in one process and in jobs.
case $(counts spawns "") in "inconclusive thread-limit "*" dfs+pct+random") ;;
*) fail "spawns: no fallback: '$(counts spawns "")'" ;; esac
one=$(counts spawns split=16)
case $one in "inconclusive thread-limit "*" dfs") ;; *) fail "spawns, split 16: '$one'" ;; esac
expect_eq "$(counts spawns "split=16 jobs=2")" "$one" "spawns: --jobs=2 against one process"
echo ok
