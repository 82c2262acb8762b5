//! args: --strategy=dfs
//! needs: pthread
/* Pins the note of a program that reads its process id: the id differs
 * from run to run, so a program that branches on it (here on its parity)
 * was verified in one run and found in the next, with no word of it.
 * getpid() is now an input: a verification holds for the run's id only,
 * and says so. */
#include <pthread.h>
#include <unistd.h>

static int shared;

static void *worker(void *arg)
{
	(void)arg;
	shared = 1;
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	if (getpid() < 0) /* never: the verdict is the same for every id */
		shared = 2;
	pthread_join(t, NULL);
	return shared == 1 ? 0 : 1;
}
