//! expect: bug deadlock
//! args: --strategy=dfs
/* deadline_clock_mix_ok.c with the deadline taken from CLOCK_REALTIME
 * for the condition's CLOCK_MONOTONIC: it lies 53 years past the
 * monotonic clock's now, and the wait that nobody signals never ends. */
#define DEADLINE_CLOCK CLOCK_REALTIME
#include "deadline_clock_mix_ok.c"
