// init_live_spin_bug.c with spin_lock_init once, before the threads.
//! expect: verified
#define OK
#include "init_live_spin_bug.c"
