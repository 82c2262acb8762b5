//! expect: bug data-race
//! args: --strategy=dfs
/* wmemcpy against a plain access of another thread (libc_buf_bug.c). */
#define CALL 4
#include "libc_buf_bug.c"
