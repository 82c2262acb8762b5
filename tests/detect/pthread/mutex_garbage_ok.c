//! expect: verified
/* A mutex whose bytes were overwritten, initialised again before use.
 * The buggy twin (mutex_garbage_bug.c) locks it overwritten: misuse at
 * the call, where weft's model followed the garbage's pointers and
 * crashed in its own code (a probe of awkward programs). */
#include <pthread.h>
#include <string.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int n;

static void *bump(void *arg)
{
	pthread_mutex_lock(&m);
	n++;
	pthread_mutex_unlock(&m);
	return arg;
}

int main(void)
{
	pthread_t t;

	memset(&m, 0xff, sizeof m);
#ifndef GARBAGE
	pthread_mutex_init(&m, NULL);
#endif
	pthread_create(&t, NULL, bump, NULL);
	bump(NULL);
	pthread_join(t, NULL);
	return n != 2;
}
