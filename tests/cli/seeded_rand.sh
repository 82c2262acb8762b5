# A program that seeds its random numbers (srand(time(NULL))) is verified
# for that seed only, and the verdict says so with a note naming the call.
. tests/cli/common.inc
S=$B/tests/cli/seeded_rand
out=$(WEFT_OPTIONS=strategy=dfs $S 2>&1)
st=$?
case "$out" in
*"every interleaving, for the nondet values noted only"*) ;;
*) fail "seeded program: no caveat in: $out" ;;
esac
case "$out" in
*"seeded its random numbers (srand("*"seeded_rand.c:"*) ;;
*) fail "seeded program: no note naming srand in: $out" ;;
esac
expect_eq "$st" 0 "exit status of the seeded program"
json=$(WEFT_OPTIONS='strategy=dfs format=json' $S 2>/dev/null)
case "$json" in
*'"inputs_sampled":true'*) ;;
*) fail "seeded program: JSON inputs_sampled not true: $json" ;;
esac
echo ok
