//! expect: verified
//! args: --strategy=dfs
/* The twin of robust_condwait_bug.c whose waiter repairs the mutex when
 * the wait returns EOWNERDEAD, as glibc's does when the signaller died
 * holding it (weft returned 0, so this waiter's unlock left the mutex
 * unrecoverable and main's lock failed: a false alarm). */
#define OK
#include "robust_condwait_bug.c"
