// rwlock_writer_pref_bug.c with a tryrdlock, refused (EBUSY) while the
// writer waits: main returns 1 (a helper's probe: verified before).
//! expect: bug exit-status
#define TRY
#include "rwlock_writer_pref_bug.c"
