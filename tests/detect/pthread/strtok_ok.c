//! expect: verified
/* strtok_bug.c's correct twin: strtok_r, with a position of each worker's
 * own. */
#define OK
#include "strtok_bug.c"
