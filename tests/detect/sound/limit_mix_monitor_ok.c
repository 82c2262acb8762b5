//! expect: inconclusive thread-limit
/* limit_mix_monitor_bug.c with `ready` published under the lock: a
 * resetter that finds it set finds the pair set too.  Still no
 * verification (every execution is cut); the sampling after the
 * exhaustive search stops after 4,000 cut executions in a row. */
#define OK
#include "limit_mix_monitor_bug.c"
