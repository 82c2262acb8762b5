//! expect: verified
//! args: --strategy=dfs
/* The twin of mp_relaxed_bug.c: the flag is stored with release and read
 * with acquire, so a reader that sees it set also sees the payload stored
 * before it. */
#define PUB memory_order_release
#define SUB memory_order_acquire
#include "mp_relaxed_bug.c"
