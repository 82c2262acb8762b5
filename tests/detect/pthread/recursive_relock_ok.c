/* recursive_relock_bug.c with the mutex taken before the writer starts:
 * the writer runs only after main's last unlock. */
//! expect: verified
#define OK
#include "recursive_relock_bug.c"
