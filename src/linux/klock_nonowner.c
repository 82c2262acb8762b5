/* src/linux/klock_nonowner.c - down_read_non_owner and up_read_non_owner.
 *
 * The kernel lets a task take an rw_semaphore for reading on behalf of
 * something that outlives its call (an I/O request, whose completion
 * gives the hold back from another task): down_read_non_owner takes the
 * read side without lockdep's annotation, and up_read_non_owner gives
 * back any such hold, whoever calls it.  So the hold counts among the
 * lock's readers (a writer waits for it) but is in no thread's held set:
 * it adds no lock-order edge, lockdep_assert_held does not see it, and a
 * thread that ends with it is not reported.  As plain down_read and
 * up_read, the completion thread's release was misuse ("does not hold
 * it"; found by a probe of kernel lock semantics). */
#include "lx.h"
#include "sync/sync.h"

static bool read_ready(const struct weft__op *op)
{
	const struct weft_klock *l = op->obj;

	return weft__rw_can_read(&l->rw);
}

/* Only an rw_semaphore has the non-owner forms. */
static void check_kind(const struct weft_klock *l, const char *what,
		       const struct weft_loc *loc)
{
	weft__check_access(l, sizeof *l, true, loc);
	weft__lx_klock_check_init(l, what, loc);
	if (l->kind != WEFT_KLOCK_RWSEM || l->bsd)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s(%s): not an rw_semaphore", what,
			   weft__lx_klock_name(l));
}

void weft_klock_read_non_owner(struct weft_klock *l,
			       const struct weft_loc *loc)
{
	const char *what = "down_read_non_owner";

	check_kind(l, what, loc);
	weft_might_sleep(what, weft__lx_klock_name(l), loc);
	/* A read of the lock, as down_read's step: ordered after the last
	 * writer's release and before the next writer's take. */
	weft__visible(&(struct weft__op){
		.name = what, .obj = l, .objname = weft__lx_klock_name(l),
		.access = WEFT__ACC_READ, .ready = read_ready,
		.waitdesc = weft__lx_klock_waitdesc, .loc = loc });
	/* The lock may have been freed while the thread waited for it. */
	weft__check_access(l, sizeof *l, true, loc);
	l->readers++;
	l->nonowner++;
	l->acquired = loc;
}

void weft_klock_read_unlock_non_owner(struct weft_klock *l,
				      const struct weft_loc *loc)
{
	const char *what = "up_read_non_owner";
	bool wake;

	check_kind(l, what, loc);
	/* DEBUG_RWSEMS warns when the lock is not owned by readers; a hold
	 * of plain down_read is its taker's, which lockdep would find
	 * still held when that task ends. */
	if (!l->nonowner)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s(%s) by %s, but no down_read_non_owner hold of "
			   "it is left%s", what, weft__lx_klock_name(l),
			   weft__lx_tname(weft__self()),
			   l->readers ? " (its read holds are down_read's, "
					"which their takers give back with "
					"up_read)"
				      : "");
	wake = weft__lx_klock_has_waiter(l, weft__self());
	weft__visible(&(struct weft__op){
		.name = what, .obj = l, .objname = weft__lx_klock_name(l),
		.access = WEFT__ACC_READ, .release = true, .loc = loc });
	l->readers--;
	l->nonowner--;
	if (wake)
		weft__lx_klock_wake(l, loc);
}
