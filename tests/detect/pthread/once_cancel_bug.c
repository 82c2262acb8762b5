//! expect: bug assertion
/* POSIX pthread_once: "if init_routine is a cancellation point and is
 * canceled, the effect on once_control shall be as if pthread_once() was
 * never called" (glibc resets it in a cleanup handler).  weft reset the
 * word only when an exception left the initializer: after a cancellation
 * it stayed "running", and main's own pthread_once was a false deadlock
 * (a probe; once_cancel_ok.c).  This main assumes the cancelled thread's
 * initializer ran to its end, and does not call pthread_once again. */
#include <assert.h>
#include <pthread.h>
#include <unistd.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int inited;

static void init(void)
{
	usleep(100); /* a cancellation point */
	inited = 1;
}

static void *user(void *a)
{
	(void)a;
	pthread_once(&once, init);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, user, NULL);
	pthread_cancel(t);
	pthread_join(t, NULL);
#ifdef OK
	pthread_once(&once, init);
#endif
	assert(inited);
	return 0;
}
