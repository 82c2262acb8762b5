// percpu_ref_live_bug.c with percpu_ref_tryget_live: a submitter that
// gets no reference leaves the context alone.
//! expect: verified
#define OK
#include "percpu_ref_live_bug.c"
