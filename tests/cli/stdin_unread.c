/* For tests/cli/stdin_input.sh: a program that never reads its standard
 * input, run with a pipe on it that never ends; weft waited for the pipe's
 * end before the first execution for ever, past its time limit. */
#include <pthread.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int n;

static void *add(void *arg)
{
	pthread_mutex_lock(&lock);
	n++;
	pthread_mutex_unlock(&lock);
	return arg;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, add, NULL);
	add(NULL);
	pthread_join(t, NULL);
	return n == 2 ? 0 : 1;
}
