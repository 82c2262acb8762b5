// cond_resched() with a spinlock held, and a lock a timer callback takes
// held with softirqs on: see resched_forms_ok.c.
//! expect(resched_lock): bug misuse
//! expect(trylock_bh): bug deadlock
#define RESCHED_FORMS_BUG
#include "resched_forms_ok.c"
