//! expect: verified
//! args: --strategy=dfs --stale-bound=1
/* double_read_bug.c searched with --stale-bound=1: its bug needs both of
 * the reader's loads of the flag to read the older store, two stale reads
 * in one execution, so a search bounded to one does not reach it.  The
 * verdict is verified "with at most 1 load reading an older store", the
 * bound it holds for; double_read_bug.c, unbounded, finds the bug. */
#include "double_read_bug.c"
