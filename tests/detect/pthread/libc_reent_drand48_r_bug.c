//! expect: bug data-race
//! args: --strategy=dfs
/* Two threads' drand48_r on one state (libc_reent_bug.c). */
#define CALL 1
#include "libc_reent_bug.c"
