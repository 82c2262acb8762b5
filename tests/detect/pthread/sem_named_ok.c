//! expect: verified
/* A named semaphore of value 1 (sem_open) guards a critical section; the
 * buggy twin, sem_named_bug.c, opens it with 2.  weft gave the program
 * the real semaphore in /dev/shm and wrote its own state into it: this
 * correct program deadlocked, the buggy one crashed on a pointer an
 * earlier run had left there, and the program's next native run hung
 * (found by a probe of awkward programs).  Also: opening the name again
 * finds the same semaphore, O_EXCL refuses it, and after sem_unlink the
 * name is gone. */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>

#ifndef VALUE
#define VALUE 1
#endif

static sem_t *s;
static int inside;

static void *user(void *arg)
{
	sem_t *mine = sem_open("/weft_test_sem", 0);

	(void)arg;
	assert(mine == s);
	sem_wait(mine);
	inside++;
	assert(inside == 1);
	inside--;
	sem_post(mine);
	sem_close(mine);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	s = sem_open("/weft_test_sem", O_CREAT, 0600, VALUE);
	assert(s != SEM_FAILED);
	assert(sem_open("/weft_test_sem", O_CREAT | O_EXCL, 0600, 1) ==
		       SEM_FAILED &&
	       errno == EEXIST);
	pthread_create(&a, NULL, user, NULL);
	pthread_create(&b, NULL, user, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	sem_close(s);
	assert(sem_unlink("/weft_test_sem") == 0);
	assert(sem_open("/weft_test_sem", 0) == SEM_FAILED && errno == ENOENT);
	return 0;
}
