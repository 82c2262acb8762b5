//! expect: verified
//! args: --strategy=dfs
/* A thread reads an eventfd that another writes: the read waits for the
 * write (src/pthread/chan.c).  It blocked for real until the time limit
 * (65 s), then was refused as unsupported; an eventfd the execution made
 * is now a channel between its threads, and what the poster stored before
 * its write is ordered before the reader's use of it.  eventfd_bug.c
 * stores it after. */
#include <pthread.h>
#include <stdio.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>

static int fd;
static int payload;

static void *poster(void *arg)
{
	uint64_t v = 1;

	(void)arg;
#ifdef LATE
	if (write(fd, &v, sizeof v) != sizeof v)
		return arg;
	payload = 42;
#else
	payload = 42;
	if (write(fd, &v, sizeof v) != sizeof v)
		return arg;
#endif
	return NULL;
}

int main(void)
{
	pthread_t t;
	uint64_t v = 0;

	fd = eventfd(0, 0);
	pthread_create(&t, NULL, poster, NULL);
	if (read(fd, &v, sizeof v) != sizeof v)
		v = 0;
	printf("payload %d\n", payload);
	pthread_join(t, NULL);
	close(fd);
	return v != 1;
}
