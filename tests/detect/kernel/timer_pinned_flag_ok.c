//! expect: verified
/* timer_pinned_flag_bug.c with TIMER_PINNED: the handler runs where the
 * timer was armed. */
#define OK
#include "timer_pinned_flag_bug.c"
