//! expect: bug data-race
/* Two threads log to one stream with fputs_unlocked and fwrite_unlocked,
 * which take no stream lock: they corrupt its buffer (natively, bytes go
 * missing or are written twice).  weft saw nothing of the C library's
 * writes and verified it; now each call writes the stream's buffer
 * pointer.  stdio_unlocked_ok holds the stream's lock (flockfile)
 * around each record. */
#define _GNU_SOURCE /* fputs_unlocked */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static FILE *log_f;

static void *writer(void *arg)
{
	const char *msg = arg;

#ifdef LOCKED
	flockfile(log_f);
#endif
	fputs_unlocked(msg, log_f);
	fwrite_unlocked("\n", 1, 1, log_f);
#ifdef LOCKED
	funlockfile(log_f);
#endif
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	log_f = tmpfile();
	if (!log_f)
		return 2;
	pthread_create(&t[0], NULL, writer, "first record");
	pthread_create(&t[1], NULL, writer, "second record");
	pthread_join(t[0], NULL);
	pthread_join(t[1], NULL);
	fclose(log_f);
	return 0;
}
