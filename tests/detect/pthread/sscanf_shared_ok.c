//! expect: verified
/* sscanf_shared_bug.c's correct twin: main reads under the lock. */
#define OK
#include "sscanf_shared_bug.c"
