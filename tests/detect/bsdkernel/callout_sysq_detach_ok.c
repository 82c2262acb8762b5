// The twin of callout_sysq_detach_bug.c: the detach drains the callout,
// then the task it queues.
//! expect: verified
#define OK
#include "callout_sysq_detach_bug.c"
