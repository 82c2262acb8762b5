// tasklet_kill_resched_ok.c's self-rescheduling tasklet freed with no
// tasklet_kill: the tasklet may still be scheduled, and runs on freed
// memory.
//! expect(resched_kill): bug use-after-free
#define TASKLET_NO_KILL
#include "tasklet_kill_resched_ok.c"
