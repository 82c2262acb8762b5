//! expect: bug data-race
//! args: --strategy=dfs
/* inet_pton against a plain read of another thread (libc_out_bug.c). */
#define CALL 7
#include "libc_out_bug.c"
