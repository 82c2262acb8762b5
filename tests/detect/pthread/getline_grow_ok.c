//! expect: verified
//! args: --strategy=dfs
/* getline_grow_bug.c with the peeking thread reading the buffer under
 * the lock, so never after main's getline freed it. */
#define GETLINE_GROW_OK 1
#include "getline_grow_bug.c"
