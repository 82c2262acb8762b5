// percpu_ref_atomic_put_bug.c with the owner's reference dropped once:
// in atomic mode the last put releases.
//! expect: verified
#define OK
#include "percpu_ref_atomic_put_bug.c"
