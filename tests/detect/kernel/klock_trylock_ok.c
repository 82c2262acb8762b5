// klock_trylock_bug.c with the trylocks' failure handled: verified.
//! expect(mutex_trylock_after_completion): verified
//! expect(spin_trylock_after_completion): verified
//! expect(kthread_trylock): verified
#define KLOCK_TRYLOCK_OK
#include "klock_trylock_bug.c"
