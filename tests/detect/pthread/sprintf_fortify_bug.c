//! expect: bug data-race
/* sprintf_race_bug.c built with _FORTIFY_SOURCE: snprintf goes to glibc's
 * checked __snprintf_chk, which weft checks the same way. */
#define _FORTIFY_SOURCE 2
#include "sprintf_race_bug.c"
