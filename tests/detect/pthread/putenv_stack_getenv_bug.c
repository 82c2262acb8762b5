//! expect: bug use-after-free
//! args: --strategy=dfs
/* putenv keeps the pointer it is given, not a copy.  The bug: a thread
 * puts a string from its own stack in the environment and ends; main's
 * getenv then walks the environment through the dead stack.  getenv's
 * reads of the strings the program gave putenv are checked
 * (src/pthread/env.c); before, they were not, and this was verified.
 * putenv_stack_getenv_ok.c gives putenv a buffer that lives as long as
 * the process. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#ifdef OK
static char buf[64];
#endif

static void set_mode(const char *m)
{
#ifndef OK
	char buf[64];
#endif

	snprintf(buf, sizeof buf, "WEFT_APP_MODE=%s", m);
	putenv(buf);
}

static void *worker(void *arg)
{
	set_mode("fast");
	return arg;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	return getenv("WEFT_APP_MODE") ? 0 : 1;
}
