// disable_race_bug.c with the work disabled before the kthread that
// queues it starts: the work never runs.
//! expect(disable_vs_worker): verified
#define DISABLE_FIRST
#include "disable_race_bug.c"
