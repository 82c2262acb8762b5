//! expect: verified
/* sprintf_race_bug.c's correct twin: the workers format under a mutex. */
#define OK
#include "sprintf_race_bug.c"
