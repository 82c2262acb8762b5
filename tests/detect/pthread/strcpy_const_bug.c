//! expect: bug data-race
//! args: --strategy=dfs
/* A strcpy of a constant string, which the compiler would expand into
 * plain stores that no instrumentation sees (weft-cc keeps it a call with
 * -fno-builtin-strcpy), races with main's strlen of the same buffer.
 * strcpy_const_ok.c takes a lock around both. */
#include <pthread.h>
#include <string.h>

static char buf[32] = "hello";
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int locked;

static void *writer(void *a)
{
	(void)a;
	if (locked)
		pthread_mutex_lock(&m);
	strcpy(buf, "world");
	if (locked)
		pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t t;
	size_t n;

	pthread_create(&t, NULL, writer, NULL);
	if (locked)
		pthread_mutex_lock(&m);
	n = strlen(buf);
	if (locked)
		pthread_mutex_unlock(&m);
	pthread_join(t, NULL);
	return n != 5;
}
