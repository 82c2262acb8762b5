//! expect: verified executions=1
/* Four threads each create, write and remove a file of their own.  A
 * file's name is a step's object (src/pthread/fs.c), one per last path
 * component: with one object for all names the threads' creations and
 * removals were all dependent, and this program took 2,520 schedules to
 * verify; different names and different files commute: one schedule. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void *worker(void *arg)
{
	char path[64];
	FILE *f;

	/* A fixed name: with the process's id in it, two of the names fell
	 * into one object in about one run in forty (the objects are a hash
	 * of the name), and the search took two schedules.  Executions leave
	 * no file behind (src/pthread/fs_made.c). */
	snprintf(path, sizeof path, "/tmp/weft_own_%ld.txt", (long)arg);
	f = fopen(path, "w");
	if (f) {
		fprintf(f, "hello %ld\n", (long)arg);
		fclose(f);
	}
	unlink(path);
	return NULL;
}

int main(void)
{
	pthread_t t[4];

	for (long i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	return 0;
}
