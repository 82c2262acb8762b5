//! expect: verified
//! args: --strategy=dfs
/* The correct twin of strcpy_strlen_bug.c: the strcpy and the strlen of
 * the shared buffer both hold the mutex, so they never overlap. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static char name[32] = "idle";
static const char *names[] = { "running", "stopped" };
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *writer(void *arg)
{
	pthread_mutex_lock(&lock);
	strcpy(name, names[*(int *)arg]);
	pthread_mutex_unlock(&lock);
	return NULL;
}

int main(void)
{
	pthread_t t;
	int which = 0;
	size_t n;

	pthread_create(&t, NULL, writer, &which);
	pthread_mutex_lock(&lock);
	n = strlen(name);
	pthread_mutex_unlock(&lock);
	pthread_join(t, NULL);
	printf("%zu\n", n);
	return 0;
}
