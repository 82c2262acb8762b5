//! expect: bug data-race
//! args: --strategy=dfs --preemption-bound=unbounded
/* Needs weft-cc's instrumentation: a plain access made under a mutex (or
 * an rwlock write lock) races with an access to the same memory that takes
 * no lock, in whichever thread and order.  The reader keeps what it read in
 * the neighbouring field, as real code does (a regression: that store
 * dropped the record of the read, and since the reader shares no
 * scheduling point with the writer, the one schedule explored never showed
 * the race).  The correct twin is locked_write_ok.c. */
#include <weft/weft.h>

static weft_mutex_t m = WEFT_MUTEX_INIT;
static weft_rwlock_t rw = WEFT_RWLOCK_INIT;
static struct {
	int value;
	int seen;
} d;
static long counter;

static void read_unlocked(void *arg)
{
	(void)arg;
	d.seen = d.value;
}

static void write_unlocked(void *arg)
{
	(void)arg;
	d.value = 5;
}

static void write_mutex(void *arg)
{
	(void)arg;
	weft_mutex_lock(&m);
	d.value++;
	weft_mutex_unlock(&m);
}

static void read_mutex(void *arg)
{
	(void)arg;
	weft_mutex_lock(&m);
	d.seen = d.value;
	weft_mutex_unlock(&m);
}

static void write_rwlock(void *arg)
{
	(void)arg;
	weft_rwlock_wrlock(&rw);
	d.value++;
	weft_rwlock_unlock(&rw);
}

static void read_rwlock(void *arg)
{
	(void)arg;
	weft_rwlock_rdlock(&rw);
	d.seen = d.value;
	weft_rwlock_unlock(&rw);
}

static void count_mutex(void *arg)
{
	(void)arg;
	weft_mutex_lock(&m);
	counter++;
	weft_mutex_unlock(&m);
}

static void two(void (*first)(void *), void (*second)(void *))
{
	weft_thread_t a = weft_spawn_at(first, 0, "first", NULL);
	weft_thread_t b = weft_spawn_at(second, 0, "second", NULL);
	weft_join(a);
	weft_join(b);
}

WEFT_TEST(unlocked_read_then_mutex_write)
{
	two(read_unlocked, write_mutex);
}

WEFT_TEST(mutex_write_then_unlocked_read)
{
	two(write_mutex, read_unlocked);
}

WEFT_TEST(unlocked_read_then_rwlock_write)
{
	two(read_unlocked, write_rwlock);
}

WEFT_TEST(rwlock_write_then_unlocked_read)
{
	two(write_rwlock, read_unlocked);
}

WEFT_TEST(mutex_read_then_unlocked_write)
{
	two(read_mutex, write_unlocked);
}

WEFT_TEST(unlocked_write_then_mutex_read)
{
	two(write_unlocked, read_mutex);
}

WEFT_TEST(rwlock_read_then_unlocked_write)
{
	two(read_rwlock, write_unlocked);
}

WEFT_TEST(unlocked_write_then_rwlock_read)
{
	two(write_unlocked, read_rwlock);
}

/* The test thread itself reads while the counter's owner holds the lock. */
WEFT_TEST(main_reads_unlocked)
{
	weft_thread_t a = weft_spawn(count_mutex, 0);
	long v = counter;
	weft_join(a);
	weft_assert(v == 0 || v == 1);
}
