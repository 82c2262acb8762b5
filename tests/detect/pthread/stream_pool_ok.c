//! expect: verified
//! args: --strategy=dfs
/* The correct twin of stream_pool_bug.c: the workers count the lines
 * they read under the mutex, and whichever worker reads which line, the
 * total and the count come out the same. */
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
		lines++;
		pthread_mutex_unlock(&lock);
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
	return total == 8 && lines == 2 ? 0 : 1;
}
