//! expect: verified
//! args: --strategy=dfs
/* strlen_null_bug's twin: main joins the setter before it reads the
 * name. */
#include <pthread.h>
#include <string.h>

static const char *name;

static void *setter(void *arg)
{
	(void)arg;
	name = "worker";
	return NULL;
}

int main(void)
{
	pthread_t t;
	size_t n;

	pthread_create(&t, NULL, setter, NULL);
	pthread_join(t, NULL);
	n = strlen(name);
	return n == 6 ? 0 : 1;
}
