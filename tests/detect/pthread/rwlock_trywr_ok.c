//! expect: verified
//! args: --strategy=dfs
/* rwlock_trywr_bug.c without the assertion: either outcome is fine. */
#define RWLOCK_TRYWR_OK
#include "rwlock_trywr_bug.c"
