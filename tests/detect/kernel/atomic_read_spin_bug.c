//! expect: bug livelock
/* A waiter polls an atomic_t with atomic_read, without cpu_relax(), for a
 * flag its producer sets only on a path not taken (the producer returns
 * early on an error): the waiter spins for ever, a livelock.  The twin
 * sets the flag on every path. */
#include <linux/atomic.h>
#include <linux/bug.h>
#include <weft/test.h>
#include <weft/thread.h>

static atomic_t ready = ATOMIC_INIT(0);
static int data;
#ifndef OK
static int error = 1;
#endif

static void producer(void *arg)
{
	(void)arg;
	data = 42;
#ifndef OK
	if (error)
		return;
#endif
	atomic_set_release(&ready, 1);
}

WEFT_TEST(atomic_read_spin)
{
	weft_thread_t t = weft_spawn(producer, NULL);

	while (!atomic_read(&ready))
		;
	BUG_ON(data != 42);
	weft_join(t);
}
