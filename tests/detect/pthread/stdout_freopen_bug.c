//! expect: bug assertion
/* The program sends its own standard output to a file (freopen), two
 * threads print a record each in three calls, and main reads the file
 * back: without flockfile the records can interleave.  weft kept the
 * output aside as it does for the terminal, so main read nothing back
 * (a correct twin was a false exit status) and the interleaving was never
 * seen.  stdout_freopen_ok holds the stream's lock around each record. */
#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void *writer(void *arg)
{
	const char *id = arg;

#ifdef OK
	flockfile(stdout);
#endif
	fputs(id, stdout);
	fputs(id, stdout);
	fputc('\n', stdout);
#ifdef OK
	funlockfile(stdout);
#endif
	return NULL;
}

int main(void)
{
	char path[] = "/tmp/weft_stdout_XXXXXX", line[16];
	int fd = mkstemp(path), lines = 0;
	pthread_t t[2];
	FILE *o;

	if (fd < 0)
		return 2;
	close(fd);
	o = freopen(path, "w+", stdout);
	if (!o)
		return 2;
	pthread_create(&t[0], NULL, writer, "A");
	pthread_create(&t[1], NULL, writer, "B");
	pthread_join(t[0], NULL);
	pthread_join(t[1], NULL);
	fflush(o);
	rewind(o);
	while (fgets(line, sizeof line, o)) {
		assert(line[0] == line[1] && line[2] == '\n');
		lines++;
	}
	unlink(path);
	return lines == 2 ? 0 : 1;
}
