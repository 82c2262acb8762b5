//! expect: verified
//! args: --strategy=dfs
/* A consumer reads a pipe to its end while the producer writes and then
 * closes its end.  pipe_eof_bug.c forgets the close: the consumer waits
 * for ever for data no thread will write, and main for the consumer, a
 * deadlock (in the real program, a hang).  It was unsupported before
 * (src/pthread/chan.c); and a helper weft forks for source locations
 * (addr2line) kept a copy of the write end open, so the end of the file
 * never came even with the close. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int p[2];
static long total;

static void *consumer(void *arg)
{
	char buf[4];
	ssize_t n;

	(void)arg;
	while ((n = read(p[0], buf, sizeof buf)) > 0)
		total += n;
	return NULL;
}

int main(void)
{
	pthread_t t;

	if (pipe(p))
		return 1;
	pthread_create(&t, NULL, consumer, NULL);
	if (write(p[1], "hello", 5) != 5)
		return 1;
#ifndef NO_CLOSE
	close(p[1]);
#endif
	pthread_join(t, NULL);
	printf("%ld\n", total);
	return total != 5;
}
