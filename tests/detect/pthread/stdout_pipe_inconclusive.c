//! expect: inconclusive
/* Standard output sent to a pipe of the program's, read by main after a
 * thread printed to it: weft models write(2) on such a pipe, not the C
 * library's streams on one, and says so (it was a false deadlock: the
 * printed line went to weft's capture and main's read waited for ever). */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int p[2];

static void *worker(void *arg)
{
	(void)arg;
	printf("hi\n");
	fflush(stdout);
	return NULL;
}

int main(void)
{
	char buf[8] = "";
	pthread_t t;
	ssize_t n;

	if (pipe(p) || dup2(p[1], 1) < 0)
		return 2;
	pthread_create(&t, NULL, worker, NULL);
	n = read(p[0], buf, 3);
	pthread_join(t, NULL);
	return n == 3 && memcmp(buf, "hi\n", 3) == 0 ? 0 : 1;
}
