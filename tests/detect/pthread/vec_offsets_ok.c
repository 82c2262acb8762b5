//! expect: verified
/* The positioned vector calls answer as the C library does: a negative
 * offset is EINVAL (weft wrote at offset 0 and returned success, a false
 * crash of a program that checked), pwritev2 at offset -1 writes at the
 * descriptor's offset and keeps its flags (RWF_APPEND appends), and
 * below -1 it is EINVAL (it wrote as writev).  Two threads append to a
 * log of their own each, so the program has threads (a review's
 * probes). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

static void check(int ok)
{
	if (!ok)
		abort();
}

static void *logger(void *a)
{
	char path[] = "/tmp/weft-vec-off-XXXXXX", got[8];
	struct iovec v = { "abc", 3 }, r = { got, sizeof got };
	int fd = mkstemp(path);

	(void)a;
	check(fd >= 0);
	unlink(path);
	check(pwritev(fd, &v, 1, -5) == -1 && errno == EINVAL);
	check(preadv(fd, &r, 1, -5) == -1 && errno == EINVAL);
	check(pwritev2(fd, &v, 1, -7, 0) == -1 && errno == EINVAL);
	check(pwritev(fd, &v, 1, 0) == 3);
	/* At the descriptor's offset (still 0), but appending. */
	check(pwritev2(fd, &v, 1, -1, RWF_APPEND) == 3);
	check(pread(fd, got, sizeof got, 0) == 6);
	check(memcmp(got, "abcabc", 6) == 0);
	close(fd);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, logger, NULL);
	pthread_create(&b, NULL, logger, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
