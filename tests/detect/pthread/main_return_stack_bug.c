//! expect: bug use-after-free
//! args: --strategy=dfs
/* main hands a detached worker a pointer to its local struct and
 * returns; an exit handler keeps the process alive until the worker has
 * read it.  Where the worker reads after main returned, it reads main's
 * dead frame, which exit's own frames overwrite natively (ASan's
 * detect_stack_use_after_return reports it in 8 of 10 runs).  weft ran
 * that schedule and said nothing (a probe).  main_return_stack_ok.c
 * waits for the worker before returning. */
#include <pthread.h>
#include <semaphore.h>
#include <stdlib.h>
#include <string.h>

struct cfg {
	int level;
	char name[64];
};

int seen; /* external: the read is kept */
static sem_t done;

#ifndef WAIT_FIRST
static void wait_worker(void)
{
	sem_wait(&done);
}
#endif

static void *worker(void *arg)
{
	const struct cfg *c = arg;

	seen = c->level;
	sem_post(&done);
	return NULL;
}

int main(void)
{
	struct cfg c;
	pthread_t t;

	memset(&c, 0, sizeof c);
	c.level = 3;
	sem_init(&done, 0, 0);
#ifdef WAIT_FIRST
	pthread_create(&t, NULL, worker, &c);
	pthread_detach(t);
	sem_wait(&done);
	return seen == 3 ? 0 : 1;
#else
	atexit(wait_worker);
	pthread_create(&t, NULL, worker, &c);
	pthread_detach(t);
	return 0;
#endif
}
