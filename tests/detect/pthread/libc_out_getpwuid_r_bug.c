//! expect: bug data-race
//! args: --strategy=dfs
/* getpwuid_r against a plain read of another thread (libc_out_bug.c). */
#define CALL 5
#include "libc_out_bug.c"
