// The default kind of rwlock_writer_pref_bug.c: readers are preferred,
// the helper's read lock goes through while the writer waits.
//! expect: verified
#define OK
#include "rwlock_writer_pref_bug.c"
