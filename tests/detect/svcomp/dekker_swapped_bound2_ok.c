//! expect: pass
//! args: --races=off --iterations=20000 --time-limit=290
//! timeout: 300
#define OK
#include "dekker_swapped_bound2_bug.c"
