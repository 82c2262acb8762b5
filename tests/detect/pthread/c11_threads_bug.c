//! expect: bug data-race
//! args: --strategy=dfs
/* c11_threads_ok.c's counter without the mtx_t: two thrd_t threads
 * increment it concurrently, a data race and a lost update. */
#include <assert.h>
#include <stdio.h>
#include <threads.h>

static int counter;

static int worker(void *arg)
{
	(void)arg;
	counter++;
	return 0;
}

int main(void)
{
	thrd_t t[2];

	for (int i = 0; i < 2; i++)
		thrd_create(&t[i], worker, NULL);
	for (int i = 0; i < 2; i++)
		thrd_join(t[i], NULL);
	printf("counter = %d\n", counter);
	return 0;
}
