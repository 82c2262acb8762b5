//! expect: inconclusive
/* Two threads each open a file and take flock(LOCK_EX) around a relaxed
 * update: the kernel's lock excludes them (each has its own open file),
 * and orders their memory.  Passed through, the second thread blocked in
 * the kernel until the time limit, or, with the first one's lock already
 * let go, the update was a false assertion failure.  Refused between
 * threads (a probe of ordinary pthread programs). */
#include <assert.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>

static char path[] = "/tmp/weft_flock_inconclusive.lock";
static int counter;

static void *add(void *arg)
{
	int fd = open(path, O_RDWR | O_CREAT, 0600);

	if (fd < 0)
		return arg;
	flock(fd, LOCK_EX);
	__atomic_store_n(&counter, __atomic_load_n(&counter, __ATOMIC_RELAXED) + 1,
			 __ATOMIC_RELAXED);
	flock(fd, LOCK_UN);
	close(fd);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, add, NULL);
	pthread_create(&b, NULL, add, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(counter == 2);
	unlink(path);
	return 0;
}
