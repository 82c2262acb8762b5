//! expect: bug assertion
/* errno_own_ok.c with a plain global in place of errno: the two threads'
 * writes race, and one overwrites the other's value under its check. */
#define BUG
#include "errno_own_ok.c"
