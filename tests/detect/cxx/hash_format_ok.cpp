//! expect: verified
/* hash_format_bug.cpp with both under the lock. */
#define OK
#include "hash_format_bug.cpp"
