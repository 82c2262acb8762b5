//! expect: verified
//! args: --strategy=dfs
/* The twin of huge_block_inconclusive.c with a 1 GiB block, within the
 * limit: verified.  Each execution's block takes the place of the last
 * one's and starts zeroed, by giving its pages back to the kernel rather
 * than by writing a gigabyte of zeros. */
#define SIZE ((size_t)1 << 30)
#include "huge_block_inconclusive.c"
