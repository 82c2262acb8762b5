//! expect: inconclusive thread-limit
/* limit_fallback_bug.c with a check every ticket passes: still no
 * verification (every execution is cut), and the random and PCT
 * schedules after the exhaustive search stop after 4,000 cut executions
 * in a row, not at the time limit. */
#define OK
#include "limit_fallback_bug.c"
