//! expect: bug data-race
//! args: --strategy=dfs
/* strndup against a plain access of another thread (libc_buf_bug.c). */
#define CALL 1
#include "libc_buf_bug.c"
