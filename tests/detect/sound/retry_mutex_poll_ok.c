//! expect: verified
/* retry_mutex_poll_bug.c waiting on a condition variable once its tries
 * are spent: verified, its give-up probes included. */
#define OK
#include "retry_mutex_poll_bug.c"
