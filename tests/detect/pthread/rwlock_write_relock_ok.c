//! expect: verified
//! args: --strategy=dfs
/* The twin of rwlock_write_relock_bug.c that expects EDEADLK from the
 * write holder's read and write locks (timed too) and EBUSY from its
 * tries, as glibc returns them. */
#define OK
#include "rwlock_write_relock_bug.c"
