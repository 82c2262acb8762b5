//! expect: verified
/* list_iterate_bug.cpp with the consumer under the lock. */
#define OK
#include "list_iterate_bug.cpp"
