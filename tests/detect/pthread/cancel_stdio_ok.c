//! expect: verified
/* cancel_stdio_bug.c with cancellation disabled while the worker holds
 * the mutex: the request is acted on at pthread_testcancel, after the
 * unlock. */
#define OK
#include "cancel_stdio_bug.c"
