// timer_pinned_moved_bug.c re-arming timer a with add_timer_on to CPU 0:
// its handler and b's, both pinned there, run one after another.  The
// mover's polling keeps the search from ending (pass at 500,000
// executions), hence a small budget.
//! expect: pass
//! args: --iterations=20000
#define FIXED
#include "timer_pinned_moved_bug.c"
