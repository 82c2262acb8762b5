//! expect: bug data-race
//! args: --strategy=dfs
/* wcslen against a plain access of another thread (libc_buf_bug.c). */
#define CALL 2
#include "libc_buf_bug.c"
