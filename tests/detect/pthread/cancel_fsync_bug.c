//! expect: bug deadlock
/* fsync and fdatasync are cancellation points (POSIX; glibc's
 * SYSCALL_CANCEL): a logger that syncs its file under the log's mutex,
 * cancelled there with no cleanup handler, leaves the mutex locked, and
 * the next writer hangs.  cancel_fsync_ok.c unlocks in a cleanup
 * handler. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int fd = -1;

static void unlock(void *p)
{
	pthread_mutex_unlock(p);
}

static void *logger(void *a)
{
	(void)a;
	pthread_mutex_lock(&m);
#ifdef OK
	pthread_cleanup_push(unlock, &m);
#endif
	fdatasync(fd);
	fsync(fd);
#ifdef OK
	pthread_cleanup_pop(0);
#endif
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	char path[] = "/tmp/weft-fsync-XXXXXX";
	pthread_t t;

	(void)unlock;
	fd = mkstemp(path);
	if (fd < 0)
		return 1;
	unlink(path);
	pthread_create(&t, NULL, logger, NULL);
	pthread_cancel(t);
	pthread_join(t, NULL);
	pthread_mutex_lock(&m);
	pthread_mutex_unlock(&m);
	close(fd);
	return 0;
}
