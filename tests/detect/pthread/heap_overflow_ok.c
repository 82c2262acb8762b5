//! expect: verified
//! args: --strategy=dfs
/* heap_overflow_bug.c with the consumers waiting in a `while` loop: each
 * takes an item that is there. */
#define HEAP_OVERFLOW_OK
#include "heap_overflow_bug.c"
