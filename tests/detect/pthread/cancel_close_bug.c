//! expect: bug deadlock
/* close is a cancellation point (glibc's SYSCALL_CANCEL), and so are open
 * and openat.  weft acted on no request there: a worker cancelled at its
 * close while it held a mutex, with no cleanup handler, left the mutex
 * locked and main's lock hung, and that was verified (a probe).
 * cancel_close_ok.c unlocks in a cleanup handler. */
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void unlock(void *p)
{
	pthread_mutex_unlock(p);
}

static void *worker(void *a)
{
	int fd;

	(void)a;
	pthread_mutex_lock(&m);
#ifdef OK
	pthread_cleanup_push(unlock, &m);
#endif
	fd = open("/dev/null", O_RDONLY);
	if (fd >= 0)
		close(fd);
#ifdef OK
	pthread_cleanup_pop(1);
#else
	(void)unlock;
	pthread_mutex_unlock(&m);
#endif
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_cancel(t);
	pthread_join(t, NULL);
	pthread_mutex_lock(&m);
	pthread_mutex_unlock(&m);
	return 0;
}
