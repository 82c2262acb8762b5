//! expect: verified
/* list_splice_bug.cpp with the reader under the lock. */
#define OK
#include "list_splice_bug.cpp"
