//! expect: verified
/* stream_write_bug.cpp with the journal under a mutex. */
#define OK
#include "stream_write_bug.cpp"
