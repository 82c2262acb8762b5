//! expect: bug data-race
//! args: --strategy=dfs
/* strcasestr against a plain access of another thread (libc_buf_bug.c). */
#define CALL 6
#include "libc_buf_bug.c"
