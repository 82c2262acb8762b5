//! expect: verified
/* giveup_long_fallback_bug.c with an assertion that holds. */
#define OK
#include "giveup_long_fallback_bug.c"
