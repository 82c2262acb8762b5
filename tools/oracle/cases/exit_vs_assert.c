/* weft oracle case (generated from exit_vs_assert.json by check.py --write-cases)
 *
 * exit_vs_assert: A thread stores x = 1 and calls exit(0); main loads x
 * and asserts it is 0 (then joins the thread, which never finishes: its
 * exit ends the process). The assertion fails only when main's load
 * falls between the store and the exit.  Three reads-from outcomes:
 * main reads the initial value, main reads the store, or the process
 * exits before main reads. */
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
	(void)arg;
	atomic_store(&x0, 1);
	exit(0);
	return NULL;
}

int main(void)
{
	int r = 0;
	pthread_create(&th[1], NULL, t1, NULL);
	r = atomic_load(&x0);
	assert((r == 0));
	pthread_join(th[1], NULL);
	return 0;
}
