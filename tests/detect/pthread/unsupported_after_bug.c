//! expect: bug assertion
//! args: --strategy=dfs
/* main starts a worker and then calls fork(), which weft refuses: every
 * execution ends there.  The worker's failed assertion, reached when it
 * runs before main's fork(), was never tried (no step lay between the
 * thread's creation and the refusal), and the verdict only said fork() is
 * unsupported.  The refusal is now a step the other threads may come
 * before.  unsupported_after_ok.c: a worker that fails nothing leaves the
 * honest inconclusive. */
#include <assert.h>
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

static int x;

static void *worker(void *p)
{
	(void)p;
#ifndef OK
	assert(x == 1);
#endif
	return NULL;
}

int main(void)
{
	pthread_t t;
	pid_t c;

	pthread_create(&t, NULL, worker, NULL);
	c = fork();
	if (c == 0)
		_exit(0);
	waitpid(c, NULL, 0);
	x = 1;
	pthread_join(t, NULL);
	return 0;
}
