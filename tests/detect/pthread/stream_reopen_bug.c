//! expect: bug use-after-free
//! args: --strategy=dfs
/* Two workers each read a line of main's stream, then open, read and
 * close a stream of their own twice; main closes its stream without
 * waiting for them, so a worker may read it after the close (fclose
 * frees the FILE).  glibc gives a new stream the memory of the last one
 * closed, and weft took the workers' second fmemopen, at the address of
 * their first or of main's, for the closed stream: the correct twin was
 * a use-after-free ("fgets() on a stream that thread worker closed").
 * stream_reopen_ok.c joins the workers before closing main's stream. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char text[] = "one\ntwo\n";
static FILE *shared;

static void *worker(void *arg)
{
	char buf[16], *mine = arg;
	FILE *f;

	if (!fgets(buf, sizeof buf, shared))
		buf[0] = 0;
	for (int i = 0; i < 2; i++) {
		f = fmemopen(mine, strlen(mine), "r");
		if (!f || !fgets(buf, sizeof buf, f) || strcmp(buf, mine))
			exit(1);
		fclose(f);
	}
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	shared = fmemopen(text, sizeof text - 1, "r");
	if (!shared)
		return 2;
	pthread_create(&a, NULL, worker, "a\n");
	pthread_create(&b, NULL, worker, "b\n");
#ifdef STREAM_REOPEN_OK
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	fclose(shared);
#else
	fclose(shared);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
#endif
	return 0;
}
