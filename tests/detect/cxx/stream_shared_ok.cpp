//! expect: verified
/* stream_shared_bug.cpp with the shared stream under a mutex. */
#define OK
#include "stream_shared_bug.cpp"
