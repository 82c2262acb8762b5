//! needs: pthread
//! args: --strategy=dfs
/* Pins a deepening of the fairness bound that ran out of its allowance:
 * Peterson's lock (detect/pthread/peterson_ok.c) is verified at 1 in
 * 29,378 executions and at 2 in 56,568 (a round of its loop polls the
 * other's flag and the turn, one unfair continuation); the round at 4
 * would need 154,394, more than the three times the first round's that
 * deepening may spend, so it is abandoned and the verification is the
 * round at 2's, with the counts of the complete rounds (those of the round
 * given up would depend, in a search in parts, on when the jobs
 * stopped). */
#include "../detect/pthread/peterson_ok.c"
