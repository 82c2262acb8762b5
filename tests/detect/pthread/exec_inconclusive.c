//! expect: inconclusive
/* A correct program that ends by replacing itself with another (exec).
 * The worker process became the other program: the execution's end was
 * reported as a crash of this program ("exited with status 0 in the
 * middle of an execution"), and the other program's output was mixed
 * into weft's.  Like fork and system, exec is unsupported: inconclusive,
 * at the call. */
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int x;

static void *bump(void *arg)
{
	pthread_mutex_lock(&m);
	x++;
	pthread_mutex_unlock(&m);
	return arg;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, bump, NULL);
	bump(NULL);
	pthread_join(t, NULL);
	execlp("true", "true", (char *)NULL);
	return 1;
}
