//! expect: inconclusive
/* A thread reads an eventfd that another writes: the read waits for the
 * write, which weft cannot control as a step.  It blocked for real until
 * the time limit (65 s, then inconclusive); it is refused at once, as a
 * pipe's read is (found by a probe of awkward programs). */
#include <pthread.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>

static int fd;

static void *poster(void *arg)
{
	uint64_t v = 1;

	(void)arg;
	if (write(fd, &v, sizeof v) != sizeof v)
		return arg;
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
	pthread_join(t, NULL);
	close(fd);
	return v != 1;
}
