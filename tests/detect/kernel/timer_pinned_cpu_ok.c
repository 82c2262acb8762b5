// timer_pinned_cpu_bug.c with both timers pinned to CPU 0: their
// handlers run one after another.
//! expect: verified
#define FIXED
#include "timer_pinned_cpu_bug.c"
