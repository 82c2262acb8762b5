//! expect: verified
//! args: --strategy=dfs
/* mixed_size_partial_bug.c published with release and read with
 * acquire: the reader that sees the flag sees the upper half. */
#define PUB __ATOMIC_RELEASE
#define SUB __ATOMIC_ACQUIRE
#include "mixed_size_partial_bug.c"
