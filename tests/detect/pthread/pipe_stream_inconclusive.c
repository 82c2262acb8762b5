//! expect: inconclusive
//! args: --strategy=dfs
/* A reader reads a pipe through a stdio stream (fdopen) that a writer
 * fills through another: the streams' buffering moves the bytes with the
 * C library's own read and write, which are no steps, so a read could
 * block for real and the data reach the reader unseen by the explorer.
 * Unsupported, at the first use of such a stream (src/pthread/
 * streams.c); the descriptor's own calls are modelled (pipe_eof_ok.c). */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int p[2];

static void *reader(void *arg)
{
	char buf[32];
	FILE *f = fdopen(p[0], "r");

	if (f && fgets(buf, sizeof buf, f))
		fclose(f);
	return arg;
}

int main(void)
{
	pthread_t t;
	FILE *w;

	if (pipe(p))
		return 1;
	pthread_create(&t, NULL, reader, NULL);
	w = fdopen(p[1], "w");
	if (w) {
		fprintf(w, "hi\n");
		fclose(w);
	}
	pthread_join(t, NULL);
	return 0;
}
