/* Programs every execution of which a limit of weft cuts (limit_cuts.sh),
 * chosen by the first argument:
 *   alarm     alarm() before any thread: a call weft refuses;
 *   fork      fork() after a thread started: a refused call, a step the
 *             search orders against the other thread's;
 *   bigalloc  5 GiB allocated before any thread: the memory limit;
 *   spawns    threads started without end: the thread limit, with the
 *             workers live at the cut. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int count;

static void *worker(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	count++;
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";
	pthread_t t;

	if (!strcmp(what, "alarm")) {
		alarm(10);
	} else if (!strcmp(what, "bigalloc")) {
		char *p = malloc((size_t)5 << 30);
		if (!p)
			return 1;
		p[0] = 1;
		free(p);
	} else if (!strcmp(what, "spawns")) {
		for (;;)
			pthread_create(&t, NULL, worker, NULL);
	}
	pthread_create(&t, NULL, worker, NULL);
	if (!strcmp(what, "fork")) {
		pid_t p = fork();
		if (p == 0)
			_exit(0);
		waitpid(p, NULL, 0);
	}
	pthread_join(t, NULL);
	return 0;
}
