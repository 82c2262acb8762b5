//! expect: verified
/* reread_bug.c with the count capped at two: no schedule fails. */
#define OK
#include "reread_bug.c"
