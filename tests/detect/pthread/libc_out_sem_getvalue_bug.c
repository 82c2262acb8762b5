//! expect: bug data-race
//! args: --strategy=dfs
/* sem_getvalue against a plain read of another thread (libc_out_bug.c). */
#define CALL 2
#include "libc_out_bug.c"
