//! expect: bug deadlock
//! args: --strategy=dfs
/* pthread_kill_self_ok.c with the worker signalling itself while it
 * holds the mutex its handler takes. */
#define HOLDING
#include "pthread_kill_self_ok.c"
