//! args: --strategy=dfs
//! needs: pthread
/* Pins the source locations of a report on a program that sends every
 * descriptor from 3 up to /dev/null with dup2, as a daemon may: it took
 * weft's pipes to addr2line, and every location read "?:0" (a review's
 * probe).  weft lets such a descriptor go and starts its helper again
 * with new ones. */
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

static int x;

static void *racer(void *arg)
{
	(void)arg;
	return (void *)(long)x;
}

int main(void)
{
	pthread_t t;
	int null = open("/dev/null", O_RDWR);

	for (int fd = 3; fd < 1024; fd++)
		if (fd != null)
			dup2(null, fd);
	pthread_create(&t, NULL, racer, NULL);
	x = 1;
	pthread_join(t, NULL);
	return 0;
}
