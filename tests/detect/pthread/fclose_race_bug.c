//! expect: bug use-after-free
//! args: --strategy=dfs
/* main closes a stream a reader thread still reads: fclose frees the
 * FILE, and the reader's fgets reads freed memory.  fclose was no step
 * and did not conflict with fgets: one schedule was explored, and the
 * verdict was "verified" or a crash in memchr from one run to the next
 * (and fgets after fclose in one thread was "fgets() from a pipe").
 * fclose_race_ok.c joins the reader first. */
#include <pthread.h>
#include <stdio.h>

static FILE *fp;
static int bytes;

static void *reader(void *arg)
{
	char buf[64];

	(void)arg;
	while (bytes < 256 && fgets(buf, sizeof buf, fp))
		bytes += 1;
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;

	(void)argc;
	fp = fopen(argv[0], "r");
	if (!fp)
		return 2;
	pthread_create(&t, NULL, reader, NULL);
#ifdef FCLOSE_FIXED
	pthread_join(t, NULL);
	fclose(fp);
#else
	fclose(fp);
	pthread_join(t, NULL);
#endif
	return bytes < 0;
}
