//! expect: bug deadlock
/* A worker reads its configuration with fgets while holding the state
 * lock, with no cleanup handler, and is cancelled there: the stdio
 * readers are cancellation points as the writers are (POSIX lets them
 * be; glibc's are whenever they read the descriptor), and the lock stays
 * held, so main's lock hangs.  They acted on no request, and this was
 * verified.  cancel_fgets_ok.c unlocks in a cleanup handler. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static char path[] = "/tmp/weft-fgets-XXXXXX";
static char line[64];

static void unlock(void *p)
{
	pthread_mutex_unlock(p);
}

static void *worker(void *a)
{
	FILE *f;

	(void)a;
	pthread_mutex_lock(&m);
#ifdef OK
	pthread_cleanup_push(unlock, &m);
#endif
	f = fopen(path, "r");
	if (f) {
		if (!fgets(line, sizeof line, f))
			line[0] = 0;
		fclose(f);
	}
#ifdef OK
	pthread_cleanup_pop(0);
#endif
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t t;
	int fd = mkstemp(path);

	(void)unlock;
	if (fd < 0 || write(fd, "rate=5\n", 7) != 7)
		return 2;
	close(fd);
	pthread_create(&t, NULL, worker, NULL);
	pthread_cancel(t);
	pthread_join(t, NULL);
	pthread_mutex_lock(&m);
	pthread_mutex_unlock(&m);
	unlink(path);
	return 0;
}
