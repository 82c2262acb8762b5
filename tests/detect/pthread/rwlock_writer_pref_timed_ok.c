//! expect: verified
//! args: --strategy=dfs
/* rwlock_writer_pref_timed_bug.c asserting what holds: the writer times
 * out, since main reads until after it is joined. */
#define OK
#include "rwlock_writer_pref_timed_bug.c"
