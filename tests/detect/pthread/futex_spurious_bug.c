//! expect: bug assertion
//! args: --strategy=dfs
/* The waiter waits once and takes the return for the event: a futex wait
 * may return 0 spuriously (futex(2) tells callers to check the word
 * again), so the assertion can fail although the setter's order is right
 * (futex_event_ok waits in a loop). */
#include <assert.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <unistd.h>

static atomic_uint ready;

static void *setter(void *arg)
{
	(void)arg;
	atomic_store(&ready, 1);
	syscall(SYS_futex, &ready, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, setter, NULL);
	if (atomic_load(&ready) == 0)
		syscall(SYS_futex, &ready, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	assert(atomic_load(&ready) == 1);
	pthread_join(t, NULL);
	return 0;
}
