//! expect: bug data-race
//! args: --strategy=dfs
/* regexec against a plain read of another thread (libc_out_bug.c). */
#define CALL 3
#include "libc_out_bug.c"
