//! expect: verified
//! args: --strategy=dfs
/* sem_destroy_bug.c with the semaphore destroyed after its last use and
 * initialised again before the next. */
#define SEM_DESTROY_OK
#include "sem_destroy_bug.c"
