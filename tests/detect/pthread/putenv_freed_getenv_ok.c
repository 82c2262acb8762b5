//! expect: verified
//! args: --strategy=dfs
/* The heap string a thread puts in the environment stays allocated: it
 * is the environment's, reachable (no leak, src/pthread/libc_roots.c),
 * and main's getenv reads it safely. */
#define OK
#include "putenv_freed_getenv_bug.c"
