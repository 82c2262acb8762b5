//! expect: bug use-after-free
/* mutex_unlock_free_bug.c with an rw_semaphore: up_write wakes a waiter
 * after it lets the count go, as mutex_unlock does. */
#define RWSEM
#include "mutex_unlock_free_bug.c"
