// The twin of rmlock_recurse_bug.c: the lock is made with RM_RECURSE,
// so the resolver's read lock nests in the lookup's.
//! expect: verified
#define OK
#include "rmlock_recurse_bug.c"
