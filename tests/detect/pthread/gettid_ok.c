//! expect: verified
/* Three live threads have three kernel thread ids (gettid() and
 * syscall(SYS_gettid) agree).  The test threads all run on one OS
 * thread, whose id every one of them got: a lock recording its owner by
 * gettid() saw itself in every other thread.  gettid_bug.c assumes that
 * a worker's id is the process id, which holds for the main thread only. */
#define _GNU_SOURCE
#include <assert.h>
#include <pthread.h>
#include <semaphore.h>
#include <sys/syscall.h>
#include <unistd.h>

static sem_t hold, ready;
static pid_t tids[2];

static void *worker(void *arg)
{
	long i = (long)arg;

	tids[i] = gettid();
	assert(tids[i] == (pid_t)syscall(SYS_gettid));
#ifdef GETTID_BUG
	assert(tids[i] == getpid());
#endif
	sem_post(&ready);
	sem_wait(&hold);
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	sem_init(&hold, 0, 0);
	sem_init(&ready, 0, 0);
	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	sem_wait(&ready);
	sem_wait(&ready);
	assert(gettid() == getpid());
	assert(tids[0] != tids[1]);
	assert(tids[0] != gettid() && tids[1] != gettid());
	sem_post(&hold);
	sem_post(&hold);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	return 0;
}
