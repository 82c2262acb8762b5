/* src/linux/obj_init.c - the initialisation of a synchronisation object
 * (mutex_init, spin_lock_init, init_rwsem, rwlock_init, init_completion,
 * init_waitqueue_head) as the search and the race detector see it.
 *
 * The kernel's inits are plain stores over the whole object.  Once other
 * threads exist, one of them may be using the object: holding the lock,
 * asleep on the completion or the queue, or about to.  An init that was
 * no step came first or last in every schedule the search ran, and the
 * race detector never saw it, so an init of a lock another thread held,
 * and an init_completion racing with a wait that then ate the previous
 * round's count, were verified (found by a probe of kernel driver
 * patterns).  Here such an init is a write step on the object, which the
 * search orders against the other threads' steps on it, preceded by a
 * plain write of the object's bytes, which the race detector checks
 * against the models' own accesses of the object (their steps tell it
 * with weft__race_model_access): an init that nothing orders after
 * another thread's use is a data race, as KCSAN reports it.  Not for the
 * locks: their every take and release told the detector cost the kernel
 * workload 4% of its instructions, and an init of a lock nobody holds
 * leaves it as it was (unlocked, no waiters), harmless, while one of a
 * held lock is misuse below, in whichever order the search runs the two
 * (both are steps on the lock).  What makes
 * an object live (a holder, a sleeper) each model asks after the step,
 * and reports as misuse at the init.
 *
 * Before any other thread exists (the common case: a static or freshly
 * allocated object set up in the test's body) nothing can use the object
 * concurrently and no other thread can come into being except by this
 * one's later calls, so the init stays what it was: no step, no record. */
#include "lx.h"

bool weft__lx_init_step(const char *what, const void *obj, size_t n,
			const char *objname, uintptr_t pc,
			const struct weft_loc *loc)
{
	if (weft__self() < 0 || weft__nthreads() < 2)
		return false;
	/* Before the step: the step acquires what the earlier steps on the
	 * object released, which would order every one of them before the
	 * write. */
	weft__race_model_store(obj, n, pc);
	weft__point(what, obj, objname, WEFT__ACC_WRITE, loc);
	return true;
}
