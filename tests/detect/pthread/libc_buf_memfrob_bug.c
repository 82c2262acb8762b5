//! expect: bug data-race
//! args: --strategy=dfs
/* memfrob against a plain access of another thread (libc_buf_bug.c). */
#define CALL 5
#include "libc_buf_bug.c"
