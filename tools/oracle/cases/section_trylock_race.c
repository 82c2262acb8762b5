/* weft oracle case (generated from section_trylock_race.json by check.py --write-cases)
 *
 * section_trylock_race: A race only happens-before sees: main's atomic
 * section locks m and writes the plain g; after the section, before
 * unlocking m, main may be preempted; t1's trylock of m then fails and
 * t1 reads g.  The failed trylock orders t1 after main's lock step
 * only, not after the write that followed it, so the read races with
 * the write (one preemption), although t1 could not run between them
 * (main was inside its section): no state has both accesses next.  If
 * t1's trylock succeeds, its unlock orders main's section after its
 * read. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <weft/weft.h>

int g0 = 0;
pthread_mutex_t m0 = PTHREAD_MUTEX_INITIALIZER;
pthread_t th[2];
#define plain_barrier() __asm__ volatile("" : : : "memory")
#define plain_load(dst, var) do { plain_barrier(); (dst) = (var); __asm__ volatile("" : : "r"(dst) : "memory"); } while (0)
#define plain_store(var, val) do { plain_barrier(); (var) = (val); plain_barrier(); } while (0)

static void *t1(void *arg)
{
	int ok = 0, r = 0;
	(void)arg;
	ok = pthread_mutex_trylock(&m0) == 0;
	plain_load(r, g0);
	if (ok) {
		pthread_mutex_unlock(&m0);
	}
	return NULL;
}

void __VERIFIER_atomic_main_0(void)
{
	pthread_mutex_lock(&m0);
	plain_store(g0, 1);
}

int main(void)
{
	pthread_create(&th[1], NULL, t1, NULL);
	__VERIFIER_atomic_main_0();
	pthread_mutex_unlock(&m0);
	pthread_join(th[1], NULL);
	return 0;
}
