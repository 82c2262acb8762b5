// percpu_ref_put_bug.c with the reference dropped once.
//! expect: verified
#define OK
#include "percpu_ref_put_bug.c"
