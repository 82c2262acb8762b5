//! expect: inconclusive thread-limit
/* limit_fallback_bug.c with a check every ticket passes: still no
 * verification (every execution is cut), and the random schedules after
 * the exhaustive search stop after a thousand cut executions in a row,
 * not at the time limit. */
#define OK
#include "limit_fallback_bug.c"
