//! expect: verified
/* deadline_forever_bug.c's wait has a deadline that never comes. */
#define OK
#include "deadline_forever_bug.c"
