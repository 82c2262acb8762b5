// all_pruned_ok.c's tests under the random strategy: an assumption that
// never holds prunes every execution, and the verdict was `pass (0
// executions ...)`, as if something had run (a review's probe); it is
// inconclusive, all-pruned, as the exhaustive search's is.
//! expect(assumption_sometimes_holds): pass
//! expect(assumption_never_holds): inconclusive all-pruned
//! args: --strategy=random --iterations=200
#include "all_pruned_ok.c"
