//! expect: bug deadlock
/* cancel_cond_ok.c without the cleanup handler: a worker cancelled in
 * pthread_cond_wait ends holding the mutex the wait took back, and main
 * blocks on it for ever. */
#define CANCEL_COND_BUG 1
#include "cancel_cond_ok.c"
