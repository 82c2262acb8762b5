//! expect: verified
/* Each thread has its own errno, also in a program with no thread-local
 * variable of its own on a machine without FSGSBASE (where weft used to
 * leave the thread pointer alone and every test thread shared one errno:
 * a false data race on it, and a thread whose strtol's ERANGE another
 * thread overwrote).  errno_own_bug.c shares a plain global instead. */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
#ifdef BUG
static int err;
#define ERR err
#else
#define ERR errno
#endif

static void *parser(void *arg)
{
	(void)arg;
	ERR = 0;
	(void)strtol("99999999999999999999999", NULL, 10);
	ERR = ERANGE;
	int mine = ERR;
	pthread_mutex_lock(&m);
	pthread_mutex_unlock(&m);
	assert(ERR == mine);
	return NULL;
}

static void *other(void *arg)
{
	(void)arg;
	ERR = 0;
	pthread_mutex_lock(&m);
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, parser, NULL);
	pthread_create(&b, NULL, other, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
