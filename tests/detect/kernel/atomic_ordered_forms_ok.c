// The fix of atomic_ordered_forms_bug.c: the writer publishes with the
// _release forms, which order its plain store before them.
//! expect: verified
#define FIXED
#include "atomic_ordered_forms_bug.c"
