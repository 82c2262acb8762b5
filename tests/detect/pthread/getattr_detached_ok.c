//! expect: verified
//! args: --strategy=dfs
/* The twin of getattr_detached_bug.c that expects what glibc reports:
 * DETACHED for threads created detached or detached since, and the 1 MiB
 * stack asked for (weft reported joinable and its own larger stack). */
#define OK
#include "getattr_detached_bug.c"
