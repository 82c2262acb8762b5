//! expect: bug data-race
/* Two threads read one stream with fgetc_unlocked and fread_unlocked,
 * which take no stream lock: each moves the stream's read pointer
 * unguarded (natively characters are lost or counted twice, and the
 * program sometimes crashes).  Built without optimisation, or called
 * through pointers as here, it was verified in one schedule.
 * stdio_unlocked_read_ok holds the stream's lock around each read. */
#define _GNU_SOURCE /* fread_unlocked */
#include <pthread.h>
#include <stdio.h>

static FILE *in;
static long count[2];
/* Through pointers: glibc's inline forms (with optimisation) are the
 * program's own, instrumented code; these are the library's. */
static int (*volatile get)(FILE *) = fgetc_unlocked;
static size_t (*volatile get_n)(void *, size_t, size_t, FILE *) =
	fread_unlocked;

static void *reader(void *arg)
{
	long i = (long)arg;
	char c;

	for (;;) {
		int got;
#ifdef LOCKED
		flockfile(in);
#endif
		got = i ? get(in) != EOF : get_n(&c, 1, 1, in) == 1;
#ifdef LOCKED
		funlockfile(in);
#endif
		if (!got)
			break;
		count[i]++;
	}
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	in = tmpfile();
	if (!in)
		return 2;
	fputs("abc", in);
	rewind(in);
	pthread_create(&t[0], NULL, reader, (void *)0);
	pthread_create(&t[1], NULL, reader, (void *)1);
	pthread_join(t[0], NULL);
	pthread_join(t[1], NULL);
	fclose(in);
	return count[0] + count[1] == 3 ? 0 : 1;
}
