//! expect: bug use-after-free
//! args: --strategy=dfs
/* The bug: a thread puts a heap string in the environment and frees it,
 * while the environment still points at it; main's getenv walks the
 * environment through the freed block.  Reported at the getenv
 * (src/pthread/env.c); before, it was verified unless the program read
 * the value itself.  putenv_freed_getenv_ok.c keeps the string. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static void *worker(void *arg)
{
	char *s = strdup("WEFT_APP_MODE=fast");

	putenv(s);
#ifndef OK
	free(s);
#endif
	return arg;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	return getenv("WEFT_APP_MODE") ? 0 : 1;
}
