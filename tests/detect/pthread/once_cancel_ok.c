//! expect: verified
/* once_cancel_bug.c's main calls pthread_once itself: its initializer
 * runs again when the cancelled thread's did not finish. */
#define OK
#include "once_cancel_bug.c"
