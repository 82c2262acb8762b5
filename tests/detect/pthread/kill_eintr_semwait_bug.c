//! expect: bug assertion
/* A consumer takes one item per sem_wait from a queue a producer fills,
 * and a reload request (SIGUSR1, sent with kill(getpid(), ...), its
 * handler installed without SA_RESTART) may come meanwhile.  On Linux a
 * handler interrupts sem_wait whatever SA_RESTART says (signal(7)): it
 * returns -1 with EINTR, and this consumer, which ignores that, takes an
 * item that is not there.  weft gave a process's signal only to a thread
 * that could run, never to one blocked in a wait, so this was verified
 * (with a note).  The ok twin waits again on EINTR. */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

#define N 2

static sem_t items;
static atomic_int queued;
static int taken;
static volatile sig_atomic_t reloads;

static void on_usr1(int sig)
{
	(void)sig;
	reloads++;
}

static void *producer(void *arg)
{
	sigset_t blk;

	/* Only the consumer takes the process's signals. */
	sigemptyset(&blk);
	sigaddset(&blk, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &blk, NULL);
	for (int i = 0; i < N; i++) {
		atomic_fetch_add(&queued, 1);
		sem_post(&items);
		if (i == 0)
			kill(getpid(), SIGUSR1);
	}
	return arg;
}

int main(void)
{
	struct sigaction sa;
	pthread_t t;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_usr1;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	sem_init(&items, 0, 0);
	pthread_create(&t, NULL, producer, NULL);
	for (int i = 0; i < N; i++) {
#ifdef OK
		while (sem_wait(&items) == -1 && errno == EINTR)
			;
#else
		sem_wait(&items);
#endif
		/* Take an item: there must be one. */
		assert(taken < atomic_load(&queued));
		taken++;
	}
	pthread_join(t, NULL);
	return 0;
}
