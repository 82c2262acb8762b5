//! expect: verified
//! args: --strategy=dfs --preemption-bound=unbounded
/* The correct twin of locked_write_bug.c: every access to d.value takes
 * the lock that its writers take (the rwlock's readers its read lock). */
#include <weft/weft.h>

static weft_mutex_t m = WEFT_MUTEX_INIT;
static weft_rwlock_t rw = WEFT_RWLOCK_INIT;
static struct {
	int value;
	int seen;
} d;
static long counter;

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
	int v = d.value;
	weft_rwlock_unlock(&rw);
	weft_assert(v == 0 || v == 1);
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
	weft_assert(d.value == 1);
}

WEFT_TEST(mutex_read_and_write)
{
	two(read_mutex, write_mutex);
}

WEFT_TEST(mutex_write_and_read)
{
	two(write_mutex, read_mutex);
}

WEFT_TEST(rwlock_read_and_write)
{
	two(read_rwlock, write_rwlock);
}

WEFT_TEST(rwlock_write_and_read)
{
	two(write_rwlock, read_rwlock);
}

WEFT_TEST(main_reads_locked)
{
	weft_thread_t a = weft_spawn(count_mutex, 0);
	weft_mutex_lock(&m);
	long v = counter;
	weft_mutex_unlock(&m);
	weft_join(a);
	weft_assert(v == 0 || v == 1);
}
