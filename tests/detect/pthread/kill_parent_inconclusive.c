//! expect: inconclusive
/* A program that signals its supervisor, kill(getppid(), ...): under weft
 * getppid() was weft's own process, which the signal killed (the report
 * was lost, exit 138), and a signal to another process would be sent in
 * every execution.  getppid() is the parent weft was started by, and a
 * signal to another process is refused (unsupported: kill): a helper's
 * probe.  SIGURG, which a process ignores unless it asks for it, keeps
 * the runner safe if that ever regresses. */
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

static int x;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *f(void *a)
{
	pthread_mutex_lock(&m);
	x++;
	pthread_mutex_unlock(&m);
	return a;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, f, NULL);
	pthread_join(t, NULL);
	return kill(getppid(), SIGURG) != 0;
}
