// The twin of timer_add_on_overlap_bug.c: the callback re-arms its timer
// on the CPU it runs on, whose timer softirq runs one callback at a time.
//! expect: verified
#define SAME_CPU
#include "timer_add_on_overlap_bug.c"
