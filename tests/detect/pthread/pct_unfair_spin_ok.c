//! expect: pass
//! args: --strategy=pct --iterations=20000
#define FIXED
#include "random_solo_spin_bug.c"
