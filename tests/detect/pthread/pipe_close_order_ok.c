//! expect: verified
//! args: --strategy=dfs
/* The worker writes, stores a flag, then closes its end; main reads to
 * the end of the file and then reads the flag: the close orders the
 * store before the end of the file.  A read at the end acquired the
 * clock of the last write instead of the close's, which ended at the same
 * byte, and weft reported a race (found reading the change again).
 * pipe_close_order_bug.c stores the flag after the close. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int p[2], flag;

static void *worker(void *arg)
{
	if (write(p[1], "hi", 2) != 2)
		return arg;
#ifdef AFTER_CLOSE
	close(p[1]);
	flag = 1;
#else
	flag = 1;
	close(p[1]);
#endif
	return NULL;
}

int main(void)
{
	pthread_t t;
	char buf[8];
	ssize_t k;
	int n = 0;

	if (pipe(p))
		return 1;
	pthread_create(&t, NULL, worker, NULL);
	while ((k = read(p[0], buf, sizeof buf)) > 0)
		n += (int)k;
	printf("%d %d\n", n, flag);
	pthread_join(t, NULL);
	return 0;
}
