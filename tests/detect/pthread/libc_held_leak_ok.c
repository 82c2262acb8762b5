//! expect: verified
//! args: --strategy=dfs
/* The blocks the C library still holds at the end (a putenv string in
 * the environment, the buffer of a stream left open as the process ends,
 * on_exit's argument) are reachable, as LeakSanitizer sees them: each was
 * a false leak (src/pthread/libc_roots.c). */
#define OK
#include "libc_held_leak_bug.c"
