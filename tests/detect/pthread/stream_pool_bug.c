//! expect: bug data-race
//! args: --strategy=dfs
/* A pool of two workers pulls lines from one shared stream (stdio locks
 * the stream itself, so the reads need no lock of the program's) and
 * adds each line's number to a total under the mutex, but counts the
 * lines outside it.  The count races only when both workers get lines:
 * weft explored one order of the reads, the first worker read the whole
 * file and this was verified.  stream_pool_ok.c counts under the mutex. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static FILE *in;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long total, lines;

static void *worker(void *arg)
{
	char buf[32];

	while (fgets(buf, sizeof buf, in)) {
		pthread_mutex_lock(&lock);
		total += atol(buf);
		pthread_mutex_unlock(&lock);
		lines++;
	}
	return arg;
}

int main(void)
{
	pthread_t t[2];

	in = tmpfile();
	fputs("3\n5\n", in);
	rewind(in);
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	fclose(in);
	return 0;
}
