//! expect: verified
//! args: --strategy=dfs
/* lone_deadline_hour_bug.c with the worker setting its result; a second
 * hour-long poll is waited out and must end, at or after its deadline. */
#define LONE_DEADLINE_HOUR_OK
#include "lone_deadline_hour_bug.c"
