//! expect: bug crash
//! args: --strategy=dfs
/* main measures a name another thread has not set yet: strlen of a null
 * pointer crashes inside the C library, and the report names the
 * program's call as well (tests/cli/reports.sh): "at strlen-evex.S:79 in
 * __strlen_evex" alone did not say where.  strlen_null_ok joins first. */
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
	n = strlen(name);
	pthread_join(t, NULL);
	return n == 6 ? 0 : 1;
}
