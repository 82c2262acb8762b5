//! expect: verified
/* Standard output sent to standard error (dup2(2, 1)) still goes where
 * weft keeps the program's output: every execution's lines reached the
 * terminal, and each printf became a step (six times the schedules). */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int n;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *p)
{
	pthread_mutex_lock(&m);
	n++;
	pthread_mutex_unlock(&m);
	printf("worker %ld done\n", (long)p);
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	dup2(STDERR_FILENO, STDOUT_FILENO);
	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	return n == 2 ? 0 : 1;
}
