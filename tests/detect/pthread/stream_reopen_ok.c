//! expect: verified
//! args: --strategy=dfs
/* stream_reopen_bug.c with main closing its stream after the workers
 * are joined: every stream a worker reads is open, though glibc opens
 * each at the address of one closed before. */
#define STREAM_REOPEN_OK 1
#include "stream_reopen_bug.c"
