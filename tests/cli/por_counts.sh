# Exhaustive exploration with partial-order reduction explores exactly one
# schedule per Mazurkiewicz trace on these programs: 1 for 4 threads on
# disjoint locks, 4! = 24 and 3! = 6 for threads taking one lock once.
. tests/cli/common.inc
out=$($B/tests/cli/por_counts --strategy=dfs --preemption-bound=unbounded --format=json)
count() { printf '%s\n' "$out" | grep "\"test\":\"$1\"" | sed 's/.*"verdict":"verified",.*"executions":\([0-9]*\),.*/\1/'; }
expect_eq "$(count disjoint_locks)" 1 "disjoint locks"
expect_eq "$(count same_lock)" 24 "4 threads, one lock"
expect_eq "$(count same_lock_3)" 6 "3 threads, one lock"
echo ok
