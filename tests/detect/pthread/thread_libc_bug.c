//! expect: bug assertion
/* thread_libc_ok.c with the counter bumped before the stream lock is
 * taken. */
#define THREAD_LIBC_BUG 1
#include "thread_libc_ok.c"
