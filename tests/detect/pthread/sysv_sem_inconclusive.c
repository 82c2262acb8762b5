//! expect: inconclusive
/* A System V semaphore hands a value from one thread to another: semop
 * blocked the one thread weft runs them all on until the time limit,
 * whose message blamed a long loop.  Refused at once, inconclusive
 * (unsupported: semget), before the set is made (a helper's probe). */
#include <pthread.h>
#include <sys/ipc.h>
#include <sys/sem.h>

static int id, value;

static void *give(void *a)
{
	struct sembuf up = { .sem_num = 0, .sem_op = 1 };

	value = 42;
	semop(id, &up, 1);
	return a;
}

int main(void)
{
	struct sembuf down = { .sem_num = 0, .sem_op = -1 };
	pthread_t t;
	int ok;

	id = semget(IPC_PRIVATE, 1, 0600);
	if (id < 0)
		return 2;
	pthread_create(&t, NULL, give, NULL);
	semop(id, &down, 1);
	ok = value == 42;
	pthread_join(t, NULL);
	semctl(id, 0, IPC_RMID);
	return !ok;
}
