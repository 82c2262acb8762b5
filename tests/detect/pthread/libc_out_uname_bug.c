//! expect: bug data-race
//! args: --strategy=dfs
/* uname against a plain read of another thread (libc_out_bug.c). */
#define CALL 1
#include "libc_out_bug.c"
