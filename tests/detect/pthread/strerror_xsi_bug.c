//! expect: bug data-race
/* Two workers format their errors with strerror_r into one static
 * buffer.  Without _GNU_SOURCE, strerror_r is the XSI form
 * (__xpg_strerror_r), which always fills the buffer; weft checked only
 * the GNU form's writes, and this was verified (a probe: native runs
 * logged the wrong text in 24 of 3,000).  strerror_xsi_ok.c formats into
 * a buffer of each call's own. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#ifndef OK
static char errbuf[128];
#endif
static char lines[2][160];

static void *worker(void *a)
{
	int id = (int)(long)a;
#ifdef OK
	char errbuf[128];
#endif

	if (strerror_r(id ? EISDIR : ENOENT, errbuf, sizeof errbuf) == 0)
		snprintf(lines[id], sizeof lines[id], "worker %d: %s", id,
			 errbuf);
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	return 0;
}
