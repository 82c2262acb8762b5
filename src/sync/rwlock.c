/* src/sync/rwlock.c - reader/writer locks.  Readers share, a writer
 * excludes everyone; which waiter gets the lock next is the explorer's
 * choice, so writer starvation is not modelled as a bug.  A thread that
 * takes a lock it holds deadlocks, except that a POSIX rwlock preferring
 * readers (glibc's default) lets a reader take its read lock again: the
 * pthread layer asks for that (weft__rwlock_rdlock), and the read holds
 * then count, each unlock giving back one.  Every operation checks,
 * before and once scheduled, that the lock is not in freed heap
 * (use-after-free). */
#include <errno.h>

#include "sync.h"

/* Which threads hold which rwlocks for reading: a short list per thread,
 * cleared lazily when a thread first touches it in a new execution (the
 * lock itself has room only for a count: it must fit in a
 * pthread_rwlock_t, and a bit per thread would not, with 256 threads).
 * Executions are told apart by weft__exec_gen (an execution number
 * repeats when the determinism probe re-runs one). */
#define MAX_READ_HELD 16
static struct {
	long exec;
	int n;
	const weft_rwlock_t *l[MAX_READ_HELD];
} rd[WEFT__MAX_THREADS];

/* Outside a test thread (a constructor, t < 0) nobody holds anything:
 * the lock's count alone is kept. */
static int rd_find(int t, const weft_rwlock_t *l)
{
	if (t < 0 || rd[t].exec != weft__exec_gen())
		return -1;
	for (int i = 0; i < rd[t].n; i++)
		if (rd[t].l[i] == l)
			return i;
	return -1;
}

static void rd_add(int t, const weft_rwlock_t *l, const struct weft_loc *loc)
{
	if (t < 0)
		return;
	if (rd[t].exec != weft__exec_gen()) {
		rd[t].exec = weft__exec_gen();
		rd[t].n = 0;
	}
	if (rd[t].n == MAX_READ_HELD)
		weft__limit("read-locks", loc,
			    "a thread holds more than %d read holds at once "
			    "(of reader/writer locks, nested holds counted), "
			    "weft's limit", MAX_READ_HELD);
	rd[t].l[rd[t].n++] = l;
}

static void rd_del(int t, const weft_rwlock_t *l)
{
	int i = rd_find(t, l);

	if (i >= 0)
		rd[t].l[i] = rd[t].l[--rd[t].n];
}

static const char *rw_name(weft_rwlock_t *l)
{
	return l->name ? l->name : weft__objname(l, "rwlock");
}

static int rw_class(weft_rwlock_t *l, const struct weft_loc *loc)
{
	if (!l->cls)
		l->cls = weft__class(weft__class_key_for(l, loc), rw_name(l)) + 1;
	return l->cls - 1;
}

void weft_rwlock_init(weft_rwlock_t *l, const char *name)
{
	*l = (weft_rwlock_t)WEFT_RWLOCK_INIT;
	l->name = name;
}

/* A writer-preferring lock lets no new reader in while a writer waits
 * (glibc's PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP; a reader that
 * holds it already too, which makes its nested read a deadlock when a
 * writer queues in between). */
bool weft__rw_can_read(const weft_rwlock_t *l)
{
	return l->writer == 0 && !(l->prefer_writer && l->writers_queued);
}

bool weft__rw_can_write(const weft_rwlock_t *l)
{
	return l->writer == 0 && l->readers == 0;
}

bool weft__rw_reads(int t, const weft_rwlock_t *l)
{
	return l->readers && rd_find(t, l) >= 0;
}

static bool rd_ready(const struct weft__op *op)
{
	return weft__rw_can_read(op->obj);
}

static bool wr_ready(const struct weft__op *op)
{
	return weft__rw_can_write(op->obj);
}

/* The writer queued for l (pending in its acquiring step), or -1. */
static int queued_writer(const weft_rwlock_t *l)
{
	for (int i = 0; i < weft__nthreads(); i++) {
		const struct weft__op *p = weft__thread_pending(i);
		if (p && p->obj == l && p->access == WEFT__ACC_WRITE &&
		    p->ready == wr_ready)
			return i;
	}
	return -1;
}

static int rw_desc(const struct weft__op *op, char *buf, size_t n)
{
	const weft_rwlock_t *l = op->obj;
	int w;

	if (!l->writer && op->access == WEFT__ACC_READ && l->prefer_writer &&
	    l->writers_queued && (w = queued_writer(l)) >= 0) {
		snprintf(buf, n, "rwlock %s behind %s, a writer waiting for "
			 "it (a writer-preferring rwlock lets no reader in "
			 "while a writer waits)", op->objname,
			 weft__thread_name(w));
		return w;
	}
	if (l->writer)
		return weft__lock_waitdesc("rwlock", op->objname, l->writer,
					   l->acquired, buf, n);
	for (int i = 0; i < weft__nthreads(); i++)
		if (rd_find(i, l) >= 0)
			return weft__lock_waitdesc("rwlock", op->objname, i + 1,
						   NULL, buf, n);
	return weft__lock_waitdesc("rwlock", op->objname, 0, NULL, buf, n);
}

/* A thread that holds l and takes it again waits for itself: for writing
 * always, for reading when it holds l for writing, or when its read holds
 * do not nest (weft's own rwlocks, a writer-preferring pthread rwlock:
 * the second read lock waits behind any writer that waits for the
 * first). */
static void check_not_held(weft_rwlock_t *l, bool write,
			   const struct weft_loc *loc)
{
	int self = weft__self();

	if (l->writer == self + 1)
		weft__fail(WEFT__K(DEADLOCK), loc,
			   "thread %s takes %s, which it already holds",
			   weft__thread_name(self), rw_name(l));
	if (rd_find(self, l) < 0)
		return;
	if (write)
		weft__fail(WEFT__K(DEADLOCK), loc,
			   "thread %s takes %s for writing while it holds it "
			   "for reading", weft__thread_name(self), rw_name(l));
	weft__fail(WEFT__K(DEADLOCK), loc,
		   "thread %s takes %s for reading again, which it already "
		   "holds, and its read locks do not nest (a writer waiting "
		   "in between deadlocks them)",
		   weft__thread_name(self), rw_name(l));
}

void weft__rw_take(weft_rwlock_t *l, bool write, const struct weft_loc *loc)
{
	int self = weft__self();

	if (write)
		l->writer = self + 1;
	else {
		l->readers++;
		rd_add(self, l, loc);
	}
	l->acquired = loc;
}

void weft__rw_drop(weft_rwlock_t *l, bool write)
{
	if (write) {
		l->writer = 0;
	} else {
		l->readers--;
		rd_del(weft__self(), l);
	}
}

void weft__rw_downgrade(weft_rwlock_t *l, const struct weft_loc *loc)
{
	l->writer = 0;
	l->readers++;
	rd_add(weft__self(), l, loc);
}

/* The lock-order effect of an operation on l: its class. */
static struct weft__op_lock lock_of(weft_rwlock_t *l, uint8_t effect,
				    const struct weft_loc *loc)
{
	return (struct weft__op_lock){ .cls1 = rw_class(l, loc) + 1,
				       .effect = effect };
}

/* nest: a read lock of a thread that holds l for reading already is one
 * more read hold (POSIX rwlocks), not a self-deadlock.  Such a lock
 * cannot block (no writer holds l while a reader does, and weft's
 * rwlocks let readers in whenever no writer holds them, as glibc's
 * default kind does), so it is held without lock-order edges, as a
 * try-lock is: waiting for it is no dependency on the locks held.  A
 * writer-preferring lock's nested read waits while a writer waits, which
 * waits for the first hold: a deadlock, in the schedules where a writer
 * queues in between (it was reported in every schedule, a false alarm
 * where no writer could queue, and its writer queue was not modelled: a
 * helper's probe found a reader asking behind a queued writer verified).
 * A writer of such a lock queues first, a step of its own on the lock,
 * and then waits to take it. */
static void queue_writer(weft_rwlock_t *l, const struct weft_loc *loc)
{
	struct weft__op op = { .name = "rwlock_wrlock", .obj = l,
			       .objname = rw_name(l),
			       .access = WEFT__ACC_WRITE, .loc = loc };

	weft__visible(&op);
	weft__step_note("queued");
	l->writers_queued++;
}

static void lock(weft_rwlock_t *l, bool write, bool nest, bool queued,
		 const struct weft_loc *loc)
{
	struct weft__op op = { .name = write ? "rwlock_wrlock" : "rwlock_rdlock",
			       .obj = l, .objname = rw_name(l),
			       .access = write ? WEFT__ACC_WRITE : WEFT__ACC_READ,
			       .ready = write ? wr_ready : rd_ready,
			       .waitdesc = rw_desc, .loc = loc };
	bool nested;

	weft__check_access(l, sizeof *l, true, loc);
	nested = !write && (nest || l->prefer_writer) &&
		 weft__rw_reads(weft__self(), l);
	if (!nested)
		check_not_held(l, write, loc);
	if (write && l->prefer_writer && !queued)
		queue_writer(l, loc);
	op.lock = lock_of(l, nested ? WEFT__LOCK_TRY : WEFT__LOCK_ACQUIRE, loc);
	op.reenter = nested;
	weft__visible(&op);
	if (nested)
		weft__step_note("nested read");
	weft__check_access(l, sizeof *l, true, loc);
	if (write && l->prefer_writer)
		l->writers_queued--;
	weft__rw_take(l, write, loc);
}

/* A timed writer of a writer-preferring lock (pthread_rwlock_timedwrlock)
 * queues, and then takes the lock or times out, a step of its own: while
 * it waits, new readers are refused (a tryrdlock's EBUSY before the
 * writer's ETIMEDOUT was verified, when the writer either timed out at
 * once or waited for good: a review's probe). */
void weft__rwlock_queue_writer(weft_rwlock_t *l, const struct weft_loc *loc)
{
	weft__check_access(l, sizeof *l, true, loc);
	check_not_held(l, true, loc);
	queue_writer(l, loc);
}

void weft__rwlock_dequeue_writer(weft_rwlock_t *l, const struct weft_loc *loc)
{
	struct weft__op op = { .name = "rwlock_timedwrlock", .obj = l,
			       .objname = rw_name(l),
			       .access = WEFT__ACC_WRITE, .loc = loc };

	weft__visible(&op);
	weft__step_note("timed out");
	l->writers_queued--;
}

void weft__rwlock_wrlock_queued(weft_rwlock_t *l, const struct weft_loc *loc)
{
	lock(l, true, false, true, loc);
}

void weft_rwlock_rdlock_at(weft_rwlock_t *l, const struct weft_loc *loc)
{
	lock(l, false, false, false, loc);
}

void weft__rwlock_rdlock(weft_rwlock_t *l, bool nest,
			 const struct weft_loc *loc)
{
	lock(l, false, nest, false, loc);
}

void weft_rwlock_wrlock_at(weft_rwlock_t *l, const struct weft_loc *loc)
{
	lock(l, true, false, false, loc);
}

static bool try_free(const struct weft__op *op)
{
	const weft_rwlock_t *l = op->obj;

	return op->arg2 ? weft__rw_can_write(l) : weft__rw_can_read(l);
}

/* For the clocks, a write lock taken is a write and a read lock taken a
 * read, as the blocking forms are (a read lock taken as a write ordered
 * the reader after the earlier readers' sections); one that fails only
 * reads the lock. */
static uint8_t try_access(const struct weft__op *op)
{
	if (!try_free(op))
		return WEFT__ACC_READ | WEFT__ACC_TRY_FAILED;
	return op->arg2 ? WEFT__ACC_WRITE : WEFT__ACC_READ;
}

/* A try-lock that fails takes nothing. */
static uint8_t try_effect(const struct weft__op *op)
{
	return try_free(op) ? WEFT__LOCK_TRY : WEFT__LOCK_NONE;
}

static int trylock(weft_rwlock_t *l, bool write, const struct weft_loc *loc)
{
	struct weft__op op = {
		.name = write ? "rwlock_trywrlock" : "rwlock_tryrdlock",
		.obj = l, .objname = rw_name(l), .access = WEFT__ACC_WRITE,
		.access_now = try_access, .lock_now = try_effect,
		/* The read sides, reads of each other, decide whether a
		 * write trylock succeeds: for the explorer it conflicts with
		 * them either way. */
		.por_write = write, .arg2 = write, .loc = loc };

	weft__check_access(l, sizeof *l, true, loc);
	op.lock = lock_of(l, WEFT__LOCK_TRY, loc);
	op.reenter = !write && weft__rw_reads(weft__self(), l);
	weft__visible(&op);
	weft__check_access(l, sizeof *l, true, loc);
	if (!(write ? weft__rw_can_write(l) : weft__rw_can_read(l))) {
		weft__step_note("busy");
		weft__spun_tried();
		return -EBUSY;
	}
	weft__rw_take(l, write, loc);
	return 0;
}

int weft_rwlock_tryrdlock_at(weft_rwlock_t *l, const struct weft_loc *loc)
{
	return trylock(l, false, loc);
}

int weft_rwlock_trywrlock_at(weft_rwlock_t *l, const struct weft_loc *loc)
{
	return trylock(l, true, loc);
}

void weft_rwlock_unlock_at(weft_rwlock_t *l, const struct weft_loc *loc)
{
	int self = weft__self();

	weft__check_access(l, sizeof *l, true, loc);
	if (l->writer != self + 1 && rd_find(self, l) < 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "rwlock_unlock of %s, not held by %s",
			   rw_name(l), weft__thread_name(self));
	{
		/* A reader's unlock is a read release: it orders later
		 * writers after the read section, but readers stay
		 * unordered with each other (no false happens-before, and
		 * partial-order reduction may reorder reader sections). */
		struct weft__op op = {
			.name = "rwlock_unlock", .obj = l, .objname = rw_name(l),
			.access = l->writer == self + 1 ? WEFT__ACC_WRITE
							: WEFT__ACC_READ,
			.release = true,
			.lock = lock_of(l, WEFT__LOCK_RELEASE, loc),
			.loc = loc };
		weft__visible(&op);
	}
	weft__check_access(l, sizeof *l, true, loc);
	weft__rw_drop(l, l->writer == self + 1);
}
