//! expect: verified
/* cancel_fgets_bug.c with the lock released by a cleanup handler. */
#define OK
#include "cancel_fgets_bug.c"
