//! expect: bug use-after-free
//! args: --strategy=dfs
/* A reload on SIGHUP: main blocks SIGHUP and waits for it with
 * sigtimedwait; a worker asks for a reload with kill(getpid(), SIGHUP)
 * and goes on reading the configuration it loaded before, which main
 * frees on the signal.  sigtimedwait never took a pending signal, so
 * the reload never ran and the program was verified (a probe).  The
 * signal, pending for the process since every thread blocks it, is
 * taken when the kill comes first.  sigtimedwait_reload_ok.c reads the
 * level before it asks. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

struct cfg {
	int level;
};
static struct cfg *_Atomic cur;

static void *worker(void *arg)
{
	struct cfg *c = cur;
#ifdef OK
	int level = c->level;
	kill(getpid(), SIGHUP);
#else
	kill(getpid(), SIGHUP);
	int level = c->level;
#endif
	printf("level %d\n", level);
	return arg;
}

int main(void)
{
	sigset_t set;
	pthread_t t;
	struct timespec to = { 1, 0 };
	struct cfg *c = malloc(sizeof *c);

	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	c->level = 1;
	cur = c;
	pthread_create(&t, NULL, worker, NULL);
	if (sigtimedwait(&set, NULL, &to) == SIGHUP) {
		struct cfg *n = malloc(sizeof *n), *old = cur;
		n->level = 2;
		cur = n;
		free(old);
	}
	pthread_join(t, NULL);
	free(cur);
	return 0;
}
