//! expect: bug assertion
/* timed_expiry_ok.c taking the timed lock's result for success: the
 * timeout is its only outcome here, so the check fails. */
#define BUG
#include "timed_expiry_ok.c"
