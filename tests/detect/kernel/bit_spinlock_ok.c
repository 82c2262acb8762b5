// bit_spinlock_bug with the count updated under bit_spin_lock.
//! expect: verified
#define TAKE_LOCK
#include "bit_spinlock_bug.c"
