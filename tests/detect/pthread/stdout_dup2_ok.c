//! expect: verified
/* The program points descriptor 1 at a file (dup2), a thread writes to
 * it, and main reads the file back: the bytes must be there (weft kept
 * them aside, and the correct program ended with a false exit status). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void *worker(void *arg)
{
	(void)arg;
	write(1, "hello\n", 6);
	return NULL;
}

int main(void)
{
	char path[] = "/tmp/weft_stdout_XXXXXX", line[8] = "";
	int fd = mkstemp(path);
	pthread_t t;

	if (fd < 0 || dup2(fd, 1) < 0)
		return 2;
	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	pread(fd, line, 6, 0);
	close(fd);
	unlink(path);
	return strcmp(line, "hello\n") == 0 ? 0 : 1;
}
