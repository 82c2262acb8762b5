//! expect: bug data-race
//! args: --strategy=dfs
/* sigemptyset against a plain read of another thread (libc_out_bug.c). */
#define CALL 4
#include "libc_out_bug.c"
