//! expect: verified
//! args: --strategy=dfs
/* rw_semaphore, atomic_t and bit operations keep their documented
 * guarantees in every interleaving.  The readers count themselves with an
 * atomic_t: they hold the rwsem at once, and a READ_ONCE/WRITE_ONCE
 * increment lost updates (which weft missed while it ordered readers). */
#include <weft/linux.h>

static DECLARE_RWSEM(sem);
static atomic_t readers_in = ATOMIC_INIT(0);
static int writer_in;

static void reader(void *arg)
{
	(void)arg;
	down_read(&sem);
	atomic_inc(&readers_in);
	weft_assert(!READ_ONCE(writer_in));
	atomic_dec(&readers_in);
	up_read(&sem);
}

WEFT_TEST(rwsem_excludes_writer)
{
	weft_thread_t a = weft_spawn(reader, NULL);
	weft_thread_t b = weft_spawn(reader, NULL);

	down_write(&sem);
	WRITE_ONCE(writer_in, 1);
	weft_assert(atomic_read(&readers_in) == 0);
	WRITE_ONCE(writer_in, 0);
	up_write(&sem);
	weft_join(a);
	weft_join(b);
}

static atomic_t refs = ATOMIC_INIT(2);
static int last;

static void dropper(void *arg)
{
	(void)arg;
	if (atomic_dec_and_test(&refs))
		WRITE_ONCE(last, READ_ONCE(last) + 1);
}

/* Exactly one of two droppers sees the count reach zero. */
WEFT_TEST(dec_and_test_once)
{
	weft_thread_t a = weft_spawn(dropper, NULL);

	dropper(NULL);
	weft_join(a);
	weft_assert(READ_ONCE(last) == 1);
	weft_assert(atomic_read(&refs) == 0);
}

static unsigned long flags;
static int owners;

static void claimer(void *arg)
{
	(void)arg;
	if (!test_and_set_bit(0, &flags)) {
		WRITE_ONCE(owners, READ_ONCE(owners) + 1);
		clear_bit_unlock(0, &flags);
	}
}

/* test_and_set_bit lets one claimer in at a time. */
WEFT_TEST(test_and_set_bit_excludes)
{
	weft_thread_t a = weft_spawn(claimer, NULL);

	claimer(NULL);
	weft_join(a);
	weft_assert(READ_ONCE(owners) >= 1 && READ_ONCE(owners) <= 2);
	weft_assert(!test_bit(0, &flags));
}
