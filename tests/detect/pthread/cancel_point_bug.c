//! expect: bug deadlock
/* cancel_point_ok.c with cancellation left enabled in the critical
 * section: a request pending at the usleep ends the worker with the
 * mutex held, and main's lock after the join never returns. */
#define CANCEL_POINT_BUG 1
#include "cancel_point_ok.c"
