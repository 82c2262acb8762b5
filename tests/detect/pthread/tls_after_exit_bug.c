//! expect: bug use-after-free
/* A worker formats its result into a _Thread_local buffer and returns a
 * pointer to it; main reads it after the join, when that thread's
 * thread-local storage is gone (glibc frees or reuses it with the thread).
 * tls_after_exit_ok.c returns a heap copy instead. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local char result[32];

static void *worker(void *arg)
{
	snprintf(result, sizeof result, "answer=%ld", (long)arg * 2);
#ifdef COPY
	return strdup(result);
#else
	return result;
#endif
}

int main(void)
{
	pthread_t t;
	char *r;
	int ok;

	pthread_create(&t, NULL, worker, (void *)21L);
	pthread_join(t, (void **)&r);
	ok = strcmp(r, "answer=42") == 0;
#ifdef COPY
	free(r);
#endif
	return ok ? 0 : 1;
}
