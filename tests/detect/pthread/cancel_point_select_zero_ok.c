//! expect: verified
/* cancel_point_select_zero_bug.c with the mutex unlocked by a cleanup
 * handler. */
#define OK
#include "cancel_point_select_zero_bug.c"
