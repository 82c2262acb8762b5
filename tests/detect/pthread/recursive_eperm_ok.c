//! expect: verified
//! args: --strategy=dfs
/* The twin of recursive_eperm_bug.c that expects EPERM from unlocking a
 * recursive mutex another thread holds, or nobody does. */
#define OK
#include "recursive_eperm_bug.c"
