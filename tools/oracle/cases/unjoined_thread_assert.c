/* weft oracle case (generated from unjoined_thread_assert.json by check.py --write-cases)
 *
 * unjoined_thread_assert: main creates a thread and returns without
 * joining it; the thread loads x (always 0) and asserts it is 1.  The
 * bug is reachable: the thread can run between pthread_create and
 * main's return.  Two reads-from outcomes: main returns first (no read
 * at all) or the thread reads the initial value. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <weft/weft.h>

atomic_int x0 = 0;
pthread_t th[2];

static void *t1(void *arg)
{
	int r = 0;
	(void)arg;
	r = atomic_load(&x0);
	assert((r == 1));
	return NULL;
}

int main(void)
{
	pthread_create(&th[1], NULL, t1, NULL);
	return 0;
}
