//! expect: bug assertion
/* file_counter_ok.c without the mutex: both threads may read 0. */
#define NO_LOCK
#include "file_counter_ok.c"
