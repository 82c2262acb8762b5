// The fix of percpu_rwsem_bug.c: the mutex is taken outside the read
// section.
//! expect: verified
#define OK
#include "percpu_rwsem_bug.c"
