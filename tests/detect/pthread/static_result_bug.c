//! expect: bug data-race
/* ether_ntoa returns a static buffer of the C library's: two threads
 * that format an address each and copy the text after both calls get the
 * same text, when both calls come before both copies.  It was no
 * model of weft's, so nothing was checked and the program was verified
 * (a probe's false verified); the call now writes its static result, an
 * object weft checks, as localtime's does.  static_result_ok.c uses
 * ether_ntoa_r with a buffer of each thread's. */
#include <netinet/ether.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static char out[2][64];

static void *format(void *arg)
{
	long i = (long)arg;
	struct ether_addr e = { { 0, 1, 2, 3, 4, (unsigned char)i } };
#ifdef OK
	char buf[32];
	const char *s = ether_ntoa_r(&e, buf);
#else
	const char *s = ether_ntoa(&e);
#endif

	strcpy(out[i], s);
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, format, (void *)i);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	puts(out[0]);
	puts(out[1]);
	return 0;
}
