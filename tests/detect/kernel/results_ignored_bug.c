// The twin of results_ignored_ok.c whose helper sets its bit with the
// non-atomic __test_and_set_bit while the test sets others atomically:
// a bit is lost.
//! expect: bug assertion
//! args: --strategy=dfs
#define RESULTS_IGNORED_BUG 1
#include "results_ignored_ok.c"
