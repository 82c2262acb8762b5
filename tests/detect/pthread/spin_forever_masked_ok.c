//! expect: verified
/* spin_forever_detached_ok.c in a program that blocks every signal, as
 * daemons do (sigfillset, pthread_sigmask, sigprocmask).  The probe of
 * the stuck thread could not be delivered (a time limit after 65 s), and
 * with SIGTRAP blocked its single-stepping killed the process ("bug
 * (crash)"): the probe's signal is kept out of the program's masks, and
 * the stepping unblocks SIGTRAP while it runs. */
#define MASKED
#include "spin_forever_detached_ok.c"
