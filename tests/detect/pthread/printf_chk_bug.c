//! expect: bug crash
/* Built with _FORTIFY_SOURCE, printf goes to glibc's __printf_chk, which
 * aborts on a %n in a writable format (a format-string attack's tool).
 * weft's __printf_chk dropped the level and printed it: natively the
 * program aborts, and under weft it was verified.  printf_chk_ok.c's
 * format is a literal, which glibc allows. */
#ifndef _FORTIFY_SOURCE
#define _FORTIFY_SOURCE 2
#endif
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static int counted;

static void *worker(void *arg)
{
	int n = 0;
#ifdef OK
	printf("report%n\n", &n);
#else
	char fmt[16];
	strcpy(fmt, "report%n\n");
	printf(fmt, &n);
#endif
	counted = n;
	(void)arg;
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	return counted == 6 ? 0 : 1;
}
