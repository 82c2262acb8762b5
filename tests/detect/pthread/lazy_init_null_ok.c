//! expect: verified
/* lazy_init_null_bug with the table made under the lock. */
#define UNDER_LOCK
#include "lazy_init_null_bug.c"
