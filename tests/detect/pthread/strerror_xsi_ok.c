//! expect: verified
/* strerror_xsi_bug.c with a buffer of each call's own. */
#define OK
#include "strerror_xsi_bug.c"
