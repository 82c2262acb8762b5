//! expect: bug data-race
//! args: --strategy=dfs
/* One thread copies a name into a shared buffer with strcpy while the
 * other measures it with strlen, without a lock: a data race on the
 * buffer's bytes, seen through the string functions themselves (no plain
 * access of the program touches the buffer).  The locked twin is
 * strcpy_strlen_ok.c. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static char name[32] = "idle";
static const char *names[] = { "running", "stopped" };

static void *writer(void *arg)
{
	strcpy(name, names[*(int *)arg]);
	return NULL;
}

int main(void)
{
	pthread_t t;
	int which = 0;
	size_t n;

	pthread_create(&t, NULL, writer, &which);
	n = strlen(name);
	pthread_join(t, NULL);
	printf("%zu\n", n);
	return 0;
}
