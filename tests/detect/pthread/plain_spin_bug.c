//! expect: bug data-race
/* A thread waits for another by spinning on a plain flag: a data race,
 * though the program ends natively.  The spinning thread reached no
 * scheduling point (its reads were covered by its first, and the writer
 * had not run), so the first execution ran until the time limit and the
 * test was inconclusive.  Now a thread that takes no step for a second
 * while it only reads a few granules is a spin: the site of its read
 * becomes a scheduling point, and the race is found.  plain_spin_ok.c
 * uses an atomic flag.  (The loop has a compiler barrier, as a
 * cpu_relax() loop has: without one, the compiler reads the flag once,
 * and the program hangs natively too.) */
#include <pthread.h>
#include <stdatomic.h>

int data;
#ifdef PLAIN_SPIN_OK
atomic_int flag;
#define READY() atomic_load(&flag)
#define SET() atomic_store(&flag, 1)
#else
int flag;
#define READY() flag
#define SET() (flag = 1)
#endif

static void *waiter(void *arg)
{
	(void)arg;
	while (!READY())
		__asm__ volatile("" ::: "memory");
	return NULL;
}

static void *setter(void *arg)
{
	(void)arg;
	data = 1;
	SET();
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, waiter, NULL);
	pthread_create(&b, NULL, setter, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
