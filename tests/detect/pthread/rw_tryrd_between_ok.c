//! expect: verified
//! args: --strategy=dfs
/* rw_tryrd_between_bug.c asserting only what every order gives. */
#define FIXED
#include "rw_tryrd_between_bug.c"
