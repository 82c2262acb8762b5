// percpu_ref_switch_misuse_bug.c done right: the owner waits for the
// release before percpu_ref_exit, and a ref made with
// PERCPU_REF_ALLOW_REINIT is reinitialised after its release.
//! expect: verified
#define OK
#include "percpu_ref_switch_misuse_bug.c"
