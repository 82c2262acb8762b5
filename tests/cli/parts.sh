# The exhaustive search in parts.  --jobs=N: the same verdict and the same
# counts (complete, pruned, redundant) as one process with the same split,
# the bug's counts cut exactly at the bug; complete executions equal to
# the unsplit search.  --shard=K/N: shards run under GNU parallel and
# 'weft merge' add up to the single run; bad shard sets and flags are one
# line and exit status 2.
. tests/cli/common.inc
X=$B/tests/cli/parts
W=$B/bin/weft
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
fields() { sed -E 's/.*"verdict":"([a-z]*)","kind":("[^"]*"|null).*"executions":([0-9]*),"pruned":([0-9]*),"redundant":([0-9]*).*/\1 \2 \3 \4 \5/'; }
complete() { sed -E 's/.*"verdict":"([a-z]*)","kind":("[^"]*"|null).*"executions":([0-9]*),.*/\1 \2 \3/'; }
run() { $X --strategy=dfs --time-limit=0 --iterations=0 --format=json "$@" | grep '^{'; }

# The default width: 8 leaves per job or per shard, at least 16.
width() { if [ $((8 * $1)) -lt 16 ]; then echo 16; else echo $((8 * $1)); fi; }
# One process's search is deterministic: each one below runs once and its
# line is checked against every search it must agree with (w3_TEST, the
# width of 3 jobs, again with the shards below).
for t in increments late_bug locks; do
	for j in 2 3; do
		single=$(run --filter=$t --split=$(width $j))
		[ $j = 2 ] || eval "w3_$t=\$single"
		one=$(printf '%s\n' "$single" | fields)
		expect_eq "$(run --filter=$t --jobs=$j | fields)" "$one" "$t: --jobs=$j against one process"
	done
	w256=$(run --filter=$t --split=256)
	unsplit=$(run --filter=$t)
	one=$(printf '%s\n' "$w256" | fields)
	expect_eq "$(run --filter=$t --split=256 --jobs=2 | fields)" "$one" "$t: --jobs=2, width 256"
	# A bug's execution number depends on the order the prefix imposes.
	case $t in late_bug) c() { complete | cut -d' ' -f1-2; } ;; *) c() { complete; } ;; esac
	expect_eq "$(printf '%s\n' "$w256" | c)" "$(printf '%s\n' "$unsplit" | c)" "$t: width 256 against the unsplit search"

	expect_eq "$(run --filter=$t --jobs=2 | c)" "$(printf '%s\n' "$unsplit" | c)" "$t: --jobs=2 against the unsplit search"
done
expect_eq "$(run --filter=increments --jobs=2 | complete)" "verified null 1680" "increments count"
# A small width splits near the root: every part still adds up.
expect_eq "$(run --filter=locks --split=4 --jobs=3 | fields)" "$(run --filter=locks --split=4 | fields)" "locks, split 4"

# Shards, run by GNU parallel when it is there (the build installs it).
shards() { # test N
	rm -f "$d"/s*.json
	if command -v parallel >/dev/null 2>&1; then
		seq 1 "$2" | parallel --will-cite -j "$2" "$X --strategy=dfs --time-limit=0 --iterations=0 --filter=$1 --shard={}/$2 --json=$d/s{}.json >/dev/null; true"
	else
		echo "parts.sh: GNU parallel missing, shards run one by one" >&2
		for k in $(seq 1 "$2"); do
			$X --strategy=dfs --time-limit=0 --iterations=0 --filter=$1 --shard=$k/$2 --json=$d/s$k.json >/dev/null
		done
	fi
}
for t in increments late_bug locks; do
	shards $t 3
	merged=$($W merge --format=json "$d"/s*.json | grep '^{')
	eval "one=\$w3_$t"
	expect_eq "$(printf '%s\n' "$merged" | complete | cut -d' ' -f1-2)" "$(printf '%s\n' "$one" | complete | cut -d' ' -f1-2)" "$t: merged verdict"
	case $t in late_bug) ;; *)
		expect_eq "$(printf '%s\n' "$merged" | fields)" "$(printf '%s\n' "$one" | fields)" "$t: merged counts" ;;
	esac
done
# The merged bug is the single run's: same replay token.
tok() { sed -n 's/.*"replay":"\([^"]*\)".*/\1/p'; }
expect_eq "$($W merge --format=json "$d"/s*.json | tok)" "$(printf '%s\n' "$w3_locks" | tok)" "locks: no token" 
shards late_bug 3
expect_eq "$($W merge --format=json "$d"/s*.json | tok)" "$(printf '%s\n' "$w3_late_bug" | tok)" "late_bug: the same bug"
$W merge "$d"/s1.json "$d"/s2.json "$d"/s3.json >/dev/null
expect_eq $? 1 "merge exit status for a bug"
# Flags may follow the files (--format=json was taken for a file), and
# after "--" every word is a file; an unknown flag is one, even with no
# files (it said "no files to merge").
expect_eq "$($W merge "$d"/s1.json "$d"/s2.json "$d"/s3.json --format=json | tok)" "$($W merge --format=json "$d"/s*.json | tok)" "merge, flags after the files"
err=$($W merge --format=json -- "$d"/s1.json --format=json 2>&1 >/dev/null)
expect_eq "$err" "weft: cannot read '--format=json' (not a readable file)" "merge, a file after --"
err=$($W merge --bogus=2 2>&1 >/dev/null)
expect_eq $? 2 "merge --bogus=2"
expect_eq "$err" "weft: unknown flag --bogus (see --help) (on the weft merge command line)" "merge --bogus=2"
# A bad flag names weft merge's command line, not WEFT_OPTIONS.
err=$($W merge --format=xml "$d"/s1.json "$d"/s2.json "$d"/s3.json 2>&1 >/dev/null)
expect_eq $? 2 "merge with a bad flag"
case "$err" in *"(on the weft merge command line)") ;; *) fail "merge bad flag: $err" ;; esac
# A shard whose part ran nothing to its end says so in a note (its part
# alone said `verified (0 schedules)`); the merge says all-pruned.
out=$($X --strategy=dfs --time-limit=0 --iterations=0 --filter=all_pruned --shard=1/2 --json=$d/p1.json)
expect_eq "$(printf '%s\n' "$out" | grep -c "note: no execution of this shard's part ran to its end")" 1 "all_pruned shard note"
$X --strategy=dfs --time-limit=0 --iterations=0 --filter=all_pruned --shard=2/2 --json=$d/p2.json >/dev/null
expect_eq "$($W merge $d/p1.json $d/p2.json | head -n 1 | cut -d';' -f1)" "== all_pruned: inconclusive (all-pruned" "all_pruned merged"
expect_eq "$(run --filter=all_pruned | complete)" "inconclusive null 0" "all_pruned single run"
# A damaged count is no part to add (it merged into "-3 schedules").
sed 's/"executions":[0-9]*/"executions":-5/' $d/p2.json >$d/neg.json
err=$($W merge $d/p1.json $d/neg.json 2>&1 >/dev/null)
expect_eq $? 2 "merge of a negative count"
expect_eq "$err" "weft: $d/neg.json: test all_pruned: not a weft result (a count below 0 or out of range)" "negative count message"
# A number no run writes, which strtol read as 1 (1e400) or 2 (2.5).
for v in executions:1e400 executions:2.5 total_steps:99999999999999999999 preemption_bound:4294967296; do
	sed "s/\"${v%%:*}\":[-0-9]*/\"${v%%:*}\":${v#*:}/" $d/p2.json >$d/neg.json
	grep -qF "\"${v%%:*}\":${v#*:}," $d/neg.json || fail "no $v in the damaged file"
	err=$($W merge $d/p1.json $d/neg.json 2>&1 >/dev/null)
	expect_eq $? 2 "merge of $v"
	expect_eq "$err" "weft: $d/neg.json: test all_pruned: not a weft result (a number out of range or no integer: \"${v%%:*}\")" "message for $v"
done
# A bug edited in by hand, with no kind and no token (it merged into
# "bug ()" with a made-up token).
sed 's/"verdict":"[a-z]*"/"verdict":"bug"/' $d/p2.json >$d/neg.json
grep -q '"kind":null.*"replay":null' $d/neg.json || fail "a kind or a token in $d/p2.json"
err=$($W merge $d/p1.json $d/neg.json 2>&1 >/dev/null)
expect_eq $? 2 "merge of a bug without a kind"
expect_eq "$err" "weft: $d/neg.json: test all_pruned: not a weft result (a bug without its kind and replay token)" "a bug without a kind"
# A missing or doubled shard is an error, not a verdict.
err=$($W merge "$d"/s1.json "$d"/s2.json 2>&1 >/dev/null)
expect_eq $? 2 "missing shard"
expect_eq "$err" "weft: merge: test late_bug: shard 3/3 is missing" "missing shard message"
err=$($W merge "$d"/s1.json "$d"/s1.json "$d"/s2.json "$d"/s3.json 2>&1 >/dev/null)
expect_eq $? 2 "doubled shard"
$X --filter=late_bug --strategy=dfs --time-limit=0 --json=$d/plain.json >/dev/null
err=$($W merge "$d"/plain.json 2>&1 >/dev/null)
expect_eq $? 2 "a plain result"
# A file that is no result, a verdict weft never writes, a directory:
# one line each, status 2 (the first two were silent, and the second
# merged as a pass).
echo '{"foo":1}' >"$d"/nofields.json
sed 's/"verdict":"[a-z]*"/"verdict":"bogus"/' "$d"/s1.json >"$d"/bogus.json
for bad in nofields.json bogus.json; do
	err=$($W merge "$d"/$bad "$d"/s2.json "$d"/s3.json 2>&1 >/dev/null)
	expect_eq $? 2 "merge of $bad"
	expect_eq "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "one line for $bad"
	case "$err" in *"not a weft result"*) ;; *) fail "merge of $bad: $err" ;; esac
done
# A line that is no JSON object in a shard's file (it was skipped, and
# the merge went on as if the file were whole).
{ cat "$d"/s2.json; echo garbage; } >"$d"/junk.json
err=$($W merge "$d"/s1.json "$d"/junk.json "$d"/s3.json 2>&1 >/dev/null)
expect_eq $? 2 "merge of a file with a line that is no JSON"
expect_eq "$err" "weft: $d/junk.json: not a weft result (a line that is no JSON object)" "merge of junk.json"
rm -f "$d"/junk.json
err=$($W merge "$d" "$d"/s1.json 2>&1 >/dev/null)
expect_eq $? 2 "merge of a directory"
expect_eq "$err" "weft: cannot read '$d' (not a readable file)" "merge of a directory"
rm -f "$d"/nofields.json "$d"/bogus.json
# A replay token broken in a shard's file: one line, status 2 (its replay
# died as weft's internal error, and the tests after it were lost).
for k in 1 2 3; do
	sed 's/\("replay":"w1\.[A-Za-z0-9_-]*\)...\("\)/\1AAA\2/' "$d"/s$k.json >"$d"/t$k.json
done
err=$($W merge "$d"/t1.json "$d"/t2.json "$d"/t3.json 2>&1 >/dev/null)
expect_eq $? 2 "merge with a broken token"
case "$err" in *"bad replay token"*) ;; *) fail "broken token: $err" ;; esac
rm -f "$d"/t?.json
# Files re-written with blanks after the colons (Python's json.dumps) are
# the same results (they were "not a weft result").
python3 -c 'import json, sys
for k in (1, 2, 3):
    with open("%s/s%d.json" % (sys.argv[1], k)) as f, open("%s/t%d.json" % (sys.argv[1], k), "w") as o:
        for l in f: print(json.dumps(json.loads(l)), file=o)' "$d"
expect_eq "$($W merge --format=json "$d"/t*.json | tok)" "$($W merge --format=json "$d"/s*.json | tok)" "re-written shard files"
rm -f "$d"/t?.json
# A shard of a run with another --preemption-bound covers another tree:
# an error (the merge claimed a verification of 1,128 schedules).
$X --filter=increments --strategy=dfs --time-limit=0 --shard=1/2 --json=$d/b1.json >/dev/null
$X --filter=increments --strategy=dfs --time-limit=0 --shard=2/2 --preemption-bound=1 --json=$d/b2.json >/dev/null
err=$($W merge "$d"/b1.json "$d"/b2.json 2>&1 >/dev/null)
expect_eq $? 2 "merge of shards with different preemption bounds"
case "$err" in *"of a run with other bounds"*) ;; *) fail "bounds: $err" ;; esac
rm -f "$d"/b?.json
# Shards run with one bound merge, whatever bound each part reached (a
# part that needed none wrote -1, and the merge refused them: a review).
for k in 1 2 3 4; do
	$X --filter=increments --strategy=dfs --time-limit=0 --shard=$k/4 --preemption-bound=1 --json=$d/b$k.json >/dev/null
done
$W merge "$d"/b?.json >/dev/null
expect_eq $? 0 "merge of shards with one preemption bound"
rm -f "$d"/b?.json
# Random sampling divides by executions: the shards' sum is the budget.
rm -f "$d"/s*.json
for k in 1 2; do
	$X --filter=increments --strategy=random --iterations=1000 --shard=$k/2 --json=$d/s$k.json >/dev/null
done
expect_eq "$($W merge --format=json "$d"/s*.json | complete)" "pass null 1000" "random shards"
for bad in 0/3 4/3 3 /3 1/ a/b 1/0; do
	err=$($X --shard=$bad 2>&1 >/dev/null)
	expect_eq $? 2 "--shard=$bad"
	expect_eq "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "one line for --shard=$bad"
done
# The jobs share the budget: a search that fits it is verified as by one
# process, and together they run no more than it.
budget() { $X --filter=increments --iterations=$1 --format=json $2 | grep '^{' | complete; }
for o in "" "--jobs=2" "--jobs=3 --split=16"; do
	expect_eq "$(budget 3600 "$o")" "verified null 1680" "budget 3600 $o"
	expect_eq "$(budget 1000 "$o")" "pass null 1000" "budget 1000 $o"
done
# A data race that restarts one part: the verdict is still one process's.
kind() { sed -n 's/.*"verdict":"\([a-z]*\)","kind":"\([a-z-]*\)".*/\1 \2/p'; }
for o in "--split=4 --jobs=3" "--split=2 --jobs=2" "--jobs=2"; do
	for i in 1 2 3; do
		expect_eq "$(run --filter=gated_race $o | kind)" "bug assertion" "gated_race $o, run $i"
	done
done
shards gated_race 3
expect_eq "$($W merge --format=json "$d"/s*.json | kind)" "bug assertion" "gated_race: merged shards"
# A shard number out of range, another program, a command in the file.
shards increments 2
sed 's|"shard":"2/2"|"shard":"0/2"|' "$d"/s2.json >"$d"/bad.json
$W merge "$d"/s1.json "$d"/bad.json >/dev/null 2>&1
expect_eq $? 2 "merge: shard 0/2"
sed 's|"shard":"2/2"|"shard":"99999/99999"|' "$d"/s2.json >"$d"/bad.json
$W merge "$d"/s1.json "$d"/bad.json >/dev/null 2>&1
expect_eq $? 2 "merge: shard 99999/99999"
sed 's|"program":"\([^"]*\)"|"program":"\1 $(touch '"$d"'/owned)"|' "$d"/s2.json >"$d"/evil.json
$W merge "$d"/evil.json >/dev/null 2>&1
expect_eq $? 2 "merge: a command in the program field"
expect_eq "$(ls "$d"/owned 2>/dev/null)" "" "merge: the command did not run"
$W merge "$d"/s1.json "$d"/evil.json >/dev/null 2>&1
expect_eq $? 2 "merge: files of two programs"
err=$($X --shard=1/2 --replay=w1.FAACAQUAAAIGAAKz6A5O 2>&1 >/dev/null)
expect_eq $? 2 "--shard with a replay"
expect_eq "$err" "weft: --shard divides a search (auto, dfs, random or pct), not a replay" "--shard with a replay: message"
err=$($X --shard=1/2 --merge="$d"/s1.json 2>&1 >/dev/null)
expect_eq $? 2 "--shard with --merge"
expect_eq "$err" "weft: --shard runs a part of the search; a merge (--merge) combines parts and runs none" "--shard with --merge: message"

# The fairness bound deepens in parts as in one process: the parent runs
# the rounds, every part of a round at one bound.  A retry loop that gives
# up after five tries (the default bound covers two) is found with jobs
# too, its correct twin verified; a round given up at its allowance leaves
# the counts of the complete rounds, the same for any number of jobs.
json() { WEFT_OPTIONS="$1 format=json time-limit=0" $2 | grep '^{'; }
for o in "jobs=2" "jobs=3" "split=16" "jobs=2 strategy=dfs"; do
	expect_eq "$(json "$o" $B/tests/detect/sound/retry_yield_bug | kind)" "bug assertion" "retry_yield_bug $o"
	expect_eq "$(json "$o" $B/tests/detect/sound/retry_yield_ok | complete)" "verified null 16" "retry_yield_ok $o"
done
expect_eq "$(json "jobs=2 fair-bound=1" $B/tests/detect/sound/retry_yield_bug | complete)" "verified null 4" "a bound the user gave does not deepen"
# A round of a loop that reads two objects is one unfair continuation in
# parts too: the split verified this three-try bug at --fair-bound=2.
for o in "fair-bound=2 jobs=2" "fair-bound=2 split=16" "fair-bound=2 jobs=3"; do
	expect_eq "$(json "$o" $B/tests/detect/sound/retry_two_polls_bug | kind)" "bug assertion" "retry_two_polls_bug $o"
	expect_eq "$(json "$o" $B/tests/detect/sound/retry_two_polls_ok | complete | cut -d' ' -f1)" "verified" "retry_two_polls_ok $o"
done
F=$B/tests/golden/fair_abandon
one=$(json "strategy=dfs split=16" $F | fields)
expect_eq "$one" "verified null 68724 0 17224" "fair_abandon split 16"
# (The last run's line also gives the bound: a fourth run of 1.3 s of
# processor time checked it apart.)
for i in 1 2 3; do
	res=$(json "strategy=dfs jobs=2" $F)
	expect_eq "$(printf '%s\n' "$res" | fields)" "$one" "fair_abandon jobs=2, run $i"
done
expect_eq "$(printf '%s\n' "$res" | sed -n 's/.*"fair_bound":\([0-9-]*\).*/\1/p')" 2 "fair_abandon: the bound of the last complete round"

# The preemption-bounded search branches fully, so its subtrees are
# independent: jobs and shards divide it by the leaves of its first
# decisions, level by level.  The parts add up to one process with the
# same split, and find what the unsplit search finds, as early.
bounded() { run --preemption-bound=1 "$@"; }
verdict() { complete | cut -d' ' -f1-2; }
# (gated_race restarts a part, which takes the search over: only its
# verdict is one process's, its counts are not.)
for t in increments late_bug locks gated_race; do
	case $t in gated_race) f() { verdict; } ;; *) f() { fields; } ;; esac
	for j in 2 3; do
		one=$(bounded --filter=$t --split=$(width $j) | f)
		expect_eq "$(bounded --filter=$t --jobs=$j | f)" "$one" "bounded $t: --jobs=$j against one process"
	done
	expect_eq "$(bounded --filter=$t --split=4 --jobs=2 | f)" "$(bounded --filter=$t --split=4 | f)" "bounded $t: split 4"
	expect_eq "$(bounded --filter=$t --jobs=2 | verdict)" "$(bounded --filter=$t | verdict)" "bounded $t: --jobs=2 against the unsplit search"
	rm -f "$d"/b*.json
	for k in 1 2 3; do
		$X --strategy=dfs --preemption-bound=1 --time-limit=0 --iterations=0 --filter=$t --shard=$k/3 --json=$d/b$k.json >/dev/null
	done
	one=$(bounded --filter=$t --split=$(width 3))
	merged=$($W merge --format=json "$d"/b*.json | grep '^{')
	expect_eq "$(printf '%s\n' "$merged" | verdict)" "$(printf '%s\n' "$one" | verdict)" "bounded $t: merged verdict"
	case $t in late_bug|gated_race) ;; *)
		expect_eq "$(printf '%s\n' "$merged" | fields)" "$(printf '%s\n' "$one" | fields)" "bounded $t: merged counts" ;;
	esac
done
# The levels: 13 schedules without a preemption, then 226 with at most
# one, split or not; and the bug with no preemption first, as unsplit.
expect_eq "$(bounded --filter=increments --jobs=2 | complete)" "verified null 239" "bounded increments count"
expect_eq "$($X --strategy=dfs --preemption-bound=2 --filter=late_bug --jobs=2 | grep -c '^found by dfs in execution 11 .* 0 preemptions')" 1 "bounded late_bug: found as early as unsplit"
# The default strategy honours the bound too (it ran the unbounded search).
expect_eq "$($X --filter=increments --preemption-bound=0 --iterations=0 --time-limit=0 | grep -c 'at most 0 preemptions')" 1 "auto with a bound"
# The shards' options hold for the merge's replay and its report: with
# --max-steps=10 every part of locks is inconclusive, and so is the
# merge, whose replay command names the option (it replayed without it,
# diverged and exited 2; a probe of the command line).
rm -f "$d"/s*.json
for k in 1 2; do
	$X --strategy=dfs --filter=locks --max-steps=10 --shard=$k/2 --json="$d"/s$k.json >/dev/null
done
out=$($W merge "$d"/s1.json "$d"/s2.json 2>&1)
expect_eq $? 3 "merge of shards run with --max-steps=10"
case "$out" in *"inconclusive (step-limit"*"--max-steps=10"*) ;; *) fail "merge with --max-steps: $out" ;; esac

# A C++ timed poll (std::future::wait_for) in parts under a fairness
# bound: std::call_once's writes of libstdc++'s thread-local pointers must
# be progress in every process alike.  Without the reset of the
# libraries' blocks at each thread's start, a part found there what an
# earlier execution's thread had left, the spinner stayed deferred, and
# the parts explored 296 schedules where one process explored 252 (1,054
# since clock reads are steps that make their thread a spinner).
F=$B/tests/detect/cxx/future_wait_for_ok
one=$(json "strategy=dfs preemption-bound=1 fair-bound=2 split=16" $F | fields)
expect_eq "$one" "verified null 1054 0 0" "future_wait_for_ok, bounded, fair bound 2"
expect_eq "$(json "strategy=dfs preemption-bound=1 fair-bound=2 jobs=2" $F | fields)" "$one" "future_wait_for_ok: --jobs=2 against one process"
rm -f "$d"/s*.json
for k in 1 2; do
	WEFT_OPTIONS="strategy=dfs preemption-bound=1 fair-bound=2 shard=$k/2 json=$d/s$k.json time-limit=0" $F >/dev/null
done
expect_eq "$($W merge --format=json "$d"/s1.json "$d"/s2.json | grep '^{' | fields)" "$one" "future_wait_for_ok: two shards merged"
echo ok
