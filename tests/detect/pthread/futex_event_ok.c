//! expect: verified
//! args: --strategy=dfs
/* A one-shot event on a raw futex: the setter stores the flag, then
 * wakes; the waiter sleeps only while the flag is still 0 (the kernel
 * compares and queues atomically), so no wakeup is lost. */
#include <assert.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <unistd.h>

static atomic_uint ready;
static int data;

static void *setter(void *arg)
{
	(void)arg;
	data = 42;
	atomic_store(&ready, 1);
	syscall(SYS_futex, &ready, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, setter, NULL);
	while (atomic_load(&ready) == 0)
		syscall(SYS_futex, &ready, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	assert(data == 42);
	pthread_join(t, NULL);
	return 0;
}
