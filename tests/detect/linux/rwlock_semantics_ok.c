//! expect: verified
//! args: --strategy=dfs
/* rwlock_t: readers share the lock, a writer excludes readers and other
 * writers, in every variant spelling. */
#include <weft/linux.h>

static DEFINE_RWLOCK(table_lock);
static atomic_t readers_in = ATOMIC_INIT(0);
static int writer_in, table;

static void reader(void *arg)
{
	unsigned long flags;

	(void)arg;
	read_lock_irqsave(&table_lock, flags);
	atomic_inc(&readers_in);
	weft_assert(!READ_ONCE(writer_in));
	(void)table;
	atomic_dec(&readers_in);
	read_unlock_irqrestore(&table_lock, flags);
}

static void writer(void *arg)
{
	(void)arg;
	write_lock_bh(&table_lock);
	WRITE_ONCE(writer_in, 1);
	weft_assert(atomic_read(&readers_in) == 0);
	table++;
	WRITE_ONCE(writer_in, 0);
	write_unlock_bh(&table_lock);
}

WEFT_TEST(writer_excludes_readers)
{
	weft_thread_t a = weft_spawn(reader, NULL);
	weft_thread_t b = weft_spawn(writer, NULL);

	read_lock(&table_lock);
	weft_assert(!READ_ONCE(writer_in));
	read_unlock(&table_lock);
	weft_join(a);
	weft_join(b);
	weft_assert(table == 1);
}

/* Two readers hold it at once: read_trylock succeeds under a reader and
 * write_trylock fails. */
WEFT_TEST(readers_share)
{
	rwlock_t l;

	rwlock_init(&l);
	read_lock(&l);
	weft_assert(read_trylock(&l));
	weft_assert(!write_trylock(&l));
	read_unlock(&l);
	read_unlock(&l);
	weft_assert(write_trylock(&l));
	write_unlock_irq(&l);
}
