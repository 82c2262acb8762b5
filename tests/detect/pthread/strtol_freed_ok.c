//! expect: verified
/* strtol_freed_bug.c's correct twin: the buffer is freed after the join. */
#define OK
#include "strtol_freed_bug.c"
