// mutex_trylock_softirq_bug.c with spin_trylock, which softirq context
// may use.
//! expect: verified
#define OK
#include "mutex_trylock_softirq_bug.c"
