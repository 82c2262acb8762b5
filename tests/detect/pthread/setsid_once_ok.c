//! expect: verified
//! args: --strategy=dfs
/* A daemon's start-up in main: setsid() succeeds, as it does natively in
 * every run of a process started by a supervisor.  weft's first execution
 * made its own process a session leader, and every later one's setsid()
 * failed with EPERM: a false exit-status (a probe of ordinary pthread
 * programs).  setsid is modelled per execution (src/pthread/proc.c). */
#define OK
#include "setsid_once_bug.c"
