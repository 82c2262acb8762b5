//! args: --strategy=dfs
//! needs: pthread
/* Pins the source locations of a report on a program that closes every
 * descriptor from 3 up, as a daemon does at its start: it closed weft's
 * pipes to addr2line too, and every location of the report read "?:0" (a
 * probe).  weft's own descriptors are kept from the program's close,
 * which fails for them as for a descriptor it never opened. */
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

	for (int fd = 3; fd < 1024; fd++)
		close(fd);
	pthread_create(&t, NULL, racer, NULL);
	x = 1;
	pthread_join(t, NULL);
	return 0;
}
