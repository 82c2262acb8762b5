// The fix of sem_open_built_name_bug.c: the semaphore is posted.
//! expect: verified
#define OK
#include "sem_open_built_name_bug.c"
