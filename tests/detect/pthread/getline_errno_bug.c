//! expect: bug exit-status
//! args: --strategy=dfs
/* Readers of memory streams count lines with getline and tell a read
 * error from the end of the stream by errno, which getline leaves alone
 * at the end.  weft's check that a stream cannot block called fileno,
 * which sets EBADF for a memory stream: every run "failed", and the
 * correct twin (getline_errno_ok.c) exited 1 under weft only.  This one
 * really fails: it counts the lines of a text of three as if it had two. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static int lines[2];

static void *count(void *arg)
{
	char data[] = "a\nb\nc\n";
	FILE *f = fmemopen(data, sizeof data - 1, "r");
	char *line = NULL;
	size_t n = 0;
	int *out = arg;

	errno = 0;
	while (getline(&line, &n, f) != -1)
		(*out)++;
	if (errno != 0)
		*out = -1;
	free(line);
	fclose(f);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, count, &lines[0]);
	pthread_create(&b, NULL, count, &lines[1]);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
#ifdef GETLINE_ERRNO_OK
	return lines[0] == 3 && lines[1] == 3 ? 0 : 1;
#else
	return lines[0] == 2 && lines[1] == 2 ? 0 : 1;
#endif
}
