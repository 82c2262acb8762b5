//! expect: bug data-race
//! args: --strategy=dfs
/* strptime against a plain read of another thread (libc_out_bug.c). */
#define CALL 6
#include "libc_out_bug.c"
