//! expect: bug deadlock
//! args: --strategy=dfs
/* The setter wakes before it stores the flag: a waiter that saw 0 and
 * queues after the wake sleeps for good (futex_event_ok stores first). */
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <unistd.h>

static atomic_uint ready;

static void *setter(void *arg)
{
	(void)arg;
	syscall(SYS_futex, &ready, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	atomic_store(&ready, 1);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, setter, NULL);
	if (atomic_load(&ready) == 0)
		syscall(SYS_futex, &ready, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	pthread_join(t, NULL);
	return 0;
}
