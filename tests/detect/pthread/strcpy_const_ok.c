//! expect: verified
//! args: --strategy=dfs
/* strcpy_const_bug.c with the lock taken around the copy and the
 * strlen: no race. */
#include <pthread.h>
#include <string.h>

static char buf[32] = "hello";
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int locked = 1;

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
