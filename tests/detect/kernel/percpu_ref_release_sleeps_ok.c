// percpu_ref_release_sleeps_bug.c with the unlinking in a work the
// release queues, as cgroup's css_release does.
//! expect: verified
#define OK
#include "percpu_ref_release_sleeps_bug.c"
