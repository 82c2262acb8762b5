// timer_refire_bug's timer and delayed work failing only on a run that
// a ten-jiffy sleep leaves no time for (each run re-arms for the next
// jiffy): every execution ends with the fortieth run not reached.
//! expect(timer_fourth_run): verified
//! expect(dwork_fourth_run): verified
#define BAD_RUN 40
#include "timer_refire_bug.c"
