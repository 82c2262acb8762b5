//! expect: verified
//! args: --strategy=dfs
/* The twin: either value is fine. */
#define OK
#include "header_reach_error_bug.c"
