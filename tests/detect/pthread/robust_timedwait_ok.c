//! expect: verified
//! args: --strategy=dfs
/* The twin of robust_timedwait_bug.c that repairs the mutex when the
 * timed wait returns EOWNERDEAD. */
#define OK
#include "robust_timedwait_bug.c"
