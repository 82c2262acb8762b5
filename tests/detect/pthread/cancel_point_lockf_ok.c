//! expect: verified
/* cancel_point_lockf_bug.c with the mutex unlocked by a cleanup
 * handler. */
#define OK
#include "cancel_point_lockf_bug.c"
