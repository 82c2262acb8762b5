//! expect: bug crash
/* sigkill_self_bug.c's supervisor sending SIGKILL to the worker with
 * pthread_kill: SIGKILL to any thread kills the whole process, a crash
 * at the call (it was `unsupported: pthread_kill`). */
#define SEND_SIGKILL() pthread_kill(worker_th, SIGKILL)
#include "sigkill_self_bug.c"
