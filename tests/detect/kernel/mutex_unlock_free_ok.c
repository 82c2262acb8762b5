//! expect: verified
/* mutex_unlock_free_bug.c with a spinlock: spin_unlock is the lock's
 * last access, so freeing after it is safe. */
#define OK
#include "mutex_unlock_free_bug.c"
