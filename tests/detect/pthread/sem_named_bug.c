//! expect: bug assertion
/* sem_named_ok.c's semaphore opened with 2: both threads get in. */
#define VALUE 2
#include "sem_named_ok.c"
