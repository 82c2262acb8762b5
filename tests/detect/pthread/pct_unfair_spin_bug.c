// random_solo_spin_bug.c under PCT: in one execution of eight its
// priorities outrank fairness (src/explore/pct.c), which found the lost
// wakeup; it was `pass` after 20,000 executions before.
//! expect: bug deadlock
//! args: --strategy=pct --iterations=20000
#include "random_solo_spin_bug.c"
