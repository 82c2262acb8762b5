/* tests/cli/temp_files.c - a pthread program that makes a file and a
 * directory of unique names (mkstemp, mkdtemp) in the directory its
 * first argument names, and whose worker races with main on a counter,
 * so that an execution that loses an update ends early in a failed
 * assertion (temp_files.sh). */
#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int counter;

static void *worker(void *arg)
{
	counter++;
	return arg;
}

int main(int argc, char **argv)
{
	char file[4096], dir[4096];
	pthread_t t;
	int fd;

	if (argc < 2)
		return 2;
	snprintf(file, sizeof file, "%s/fileXXXXXX", argv[1]);
	snprintf(dir, sizeof dir, "%s/dirXXXXXX", argv[1]);
	fd = mkstemp(file);
	if (fd < 0 || !mkdtemp(dir))
		return 1;
	pthread_create(&t, NULL, worker, NULL);
	counter++;
	pthread_join(t, NULL);
	assert(counter == 2);
	close(fd);
	unlink(file);
	rmdir(dir);
	return 0;
}
