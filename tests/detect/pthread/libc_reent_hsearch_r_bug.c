//! expect: bug data-race
//! args: --strategy=dfs
/* Two threads' hsearch_r on one state (libc_reent_bug.c). */
#define CALL 4
#include "libc_reent_bug.c"
