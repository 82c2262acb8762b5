//! expect: bug use-after-free
/* main prints a message while a worker frees it: printf reads freed
 * memory.  The C library's printf is not instrumented, so weft checks what
 * the format makes it read; before, this was verified.  The string is the
 * last of a format whose conversions take every kind of argument (ints of
 * each length, a double, a long double, a width and a precision from the
 * list), so a walker that took one of them wrongly would miss it or crash.
 * printf_freed_ok.c frees the message after the join. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <wchar.h>

static char *msg;

static void *worker(void *arg)
{
	(void)arg;
#ifndef OK
	free(msg);
#endif
	return NULL;
}

int main(void)
{
	pthread_t t;

	msg = malloc(64);
	strcpy(msg, "hello from main");
	pthread_create(&t, NULL, worker, NULL);
	printf("%d %hd %ld %lld %zu %jd %.2f %Lf %*.*s %p %c %lc %% %5.3s|%s\n",
	       1, (short)2, 3L, 4LL, (size_t)5, (intmax_t)6, 7.0, 8.0L, 6, 3,
	       "abcdef", (void *)0, 'x', (wint_t)'y', "ghijkl", msg);
	pthread_join(t, NULL);
#ifdef OK
	free(msg);
#endif
	return 0;
}
