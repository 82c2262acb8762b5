//! expect: bug data-race
//! args: --strategy=dfs
/* wcsncpy against a plain access of another thread (libc_buf_bug.c). */
#define CALL 3
#include "libc_buf_bug.c"
