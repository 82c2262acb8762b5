//! expect: verified
//! args: --strategy=dfs
/* ptr_cache_aba_bug.c with the config a plain pointer under the lock and
 * the cache keyed by a generation: the program frees configs and
 * allocates new ones of their size, but no atomic operation holds their
 * addresses, so a reuse of one could not have mattered and the verdict
 * has no reuse_unexplored clause. */
#define OK
#include "ptr_cache_aba_bug.c"
