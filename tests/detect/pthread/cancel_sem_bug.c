//! expect: bug assertion
/* cancel_sem_ok.c without waiting for the task: the worker can be
 * cancelled at its usleep before it took the posted count. */
#define CANCEL_SEM_BUG 1
#include "cancel_sem_ok.c"
