// sleep_under_spin_more_bug.c with each sleeping call made after
// spin_unlock.
//! expect(vfree_spin): verified
//! expect(kthread_create_spin): verified
//! expect(kthread_run_spin): verified
//! expect(kworker_spin): verified
//! expect(alloc_wq_spin): verified
//! expect(cache_destroy_spin): verified
//! expect(percpu_ref_spin): verified
//! expect(init_srcu_spin): verified
//! expect(cleanup_srcu_spin): verified
#define OK
#include "sleep_under_spin_more_bug.c"
