/* src/sync/mutex_alone.c - a thread alone, unlocking and taking its mutex
 * again.
 *
 * A loop that locks a mutex to read a flag (`lock; while (!ready) {
 * unlock; lock; }`) writes the mutex twice a round, and a write is
 * progress: while another thread could take the mutex it is, and such a
 * loop is no spin.  But when no other thread can run (the others finished
 * or wait in a join) and none waits for the mutex, the unlock wakes nobody
 * and the lock takes back what nobody else could take: the pair changes
 * nothing another thread can observe.  Then the unlock is no progress
 * (weft__step_no_progress) and the lock taken again at a place the thread
 * took it before is a round of a spin (weft__spun_tried), so a poll that
 * no thread left can end is a livelock, as the same poll with an atomic
 * load is; it was a step limit under every strategy.  A loop that does
 * work under the mutex writes memory (a count), and a plain write that
 * changes a word is progress (weft__note_write), so such a loop is no
 * spin and ends by itself (tests/detect/pthread/lone_lock_count_ok.c).
 *
 * quiet[tid]: the mutex the thread last gave back so, stamped with the
 * execution and the thread's serial (ids are reused); its next lock of
 * any mutex consumes it. */
#include "sync.h"

static struct {
	const weft_mutex_t *m;
	long gen;
	uint64_t serial;
} quiet[WEFT__MAX_THREADS];

/* Whether self's lock of m now takes back a mutex it gave back while
 * alone, and still no other thread could run (take m, or anything else)
 * at this step; consumes the mark.  Asked before the step. */
bool weft__mutex_relock_alone(const weft_mutex_t *m, int self)
{
	bool was = quiet[self].m == m && quiet[self].gen == weft__exec_gen() &&
		   quiet[self].serial == weft__thread_serial(self);

	quiet[self].m = NULL;
	return was && !weft__other_can_run(self);
}

/* After self released m (its owner cleared): the release was no progress
 * when it enabled no thread and no other could run; marks m for
 * weft__mutex_relock_alone. */
void weft__mutex_unlock_alone(const weft_mutex_t *m, int self)
{
	if (weft__other_can_run(self))
		return;
	weft__step_no_progress(weft__self_spinning());
	quiet[self].m = m;
	quiet[self].gen = weft__exec_gen();
	quiet[self].serial = weft__thread_serial(self);
}
