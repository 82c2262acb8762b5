//! expect: verified
/* recurse_relock_bug.c with each lock taken before the writer starts: the
 * writer runs only after the last release. */
#define OK
#include "recurse_relock_bug.c"
