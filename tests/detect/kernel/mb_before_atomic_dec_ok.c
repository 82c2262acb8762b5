// The fix of mb_before_atomic_dec_bug.c: smp_mb__before_atomic() before
// the atomic_dec and the clear_bit makes each fully ordered, its own
// write included, so the owner's free comes after it.
//! expect: verified
#define FIXED
#include "mb_before_atomic_dec_bug.c"
