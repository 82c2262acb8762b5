//! expect: bug data-race
//! args: --strategy=dfs
/* Two threads' tsearch on one state (libc_reent_bug.c). */
#define CALL 2
#include "libc_reent_bug.c"
