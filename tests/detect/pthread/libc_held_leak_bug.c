//! expect: bug leak
//! args: --strategy=dfs
/* Blocks the program hands the C library to keep: a string putenv puts
 * in the environment, a buffer setvbuf gives a stream, an argument for an
 * on_exit handler.  The bug: a second putenv of the same name replaces
 * the first string in the environment, and closing the stream gives its
 * buffer back to the program; both blocks are then dropped (and
 * LeakSanitizer reports them).  libc_held_leak_ok.c keeps what the C
 * library still holds, and is verified: the C library's places are
 * roots of the leak check (src/pthread/libc_roots.c); each of the three
 * was a false leak before (a probe of ordinary pthread programs). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int mode;

static void done(int status, void *ctx)
{
	(void)status;
	(void)ctx;
}

static void *worker(void *arg)
{
	const char *v = getenv("WEFT_HELD_MODE");

	pthread_mutex_lock(&m);
	mode = v && !strcmp(v, "fast");
	pthread_mutex_unlock(&m);
	return arg;
}

int main(void)
{
	FILE *log = fopen("/dev/null", "w");
	pthread_t t;

	if (!log)
		return 1;
	setvbuf(log, malloc(4096), _IOFBF, 4096);
	on_exit(done, malloc(64));
#ifndef OK
	putenv(strdup("WEFT_HELD_MODE=slow"));
#endif
	putenv(strdup("WEFT_HELD_MODE=fast"));
	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	fprintf(log, "mode %d\n", mode);
#ifndef OK
	fclose(log);
#endif
	return mode ? 0 : 1;
}
