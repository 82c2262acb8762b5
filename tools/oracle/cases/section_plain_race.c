/* weft oracle case (generated from section_plain_race.json by check.py --write-cases)
 *
 * section_plain_race: Plain accesses inside an atomic section race with
 * plain accesses outside any section: t1 increments the plain g inside
 * a section, t2 outside one; main joins both and asserts g == 2.
 * Leaving a section orders nothing before an access outside one, so
 * t1's accesses race with t2's (a data race, reachable with no
 * preemption: t1 inside its section about to write g while t2 is about
 * to read it), and the race's consequence, a lost update, fails the
 * assertion. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <weft/weft.h>

int g0 = 0;
pthread_t th[3];
extern void __VERIFIER_atomic_begin(void);
extern void __VERIFIER_atomic_end(void);
#define plain_barrier() __asm__ volatile("" : : : "memory")
#define plain_load(dst, var) do { plain_barrier(); (dst) = (var); __asm__ volatile("" : : "r"(dst) : "memory"); } while (0)
#define plain_store(var, val) do { plain_barrier(); (var) = (val); plain_barrier(); } while (0)

static void *t1(void *arg)
{
	int r = 0;
	(void)arg;
	__VERIFIER_atomic_begin();
	plain_load(r, g0);
	plain_store(g0, (r + 1));
	__VERIFIER_atomic_end();
	return NULL;
}

static void *t2(void *arg)
{
	int r = 0;
	(void)arg;
	plain_load(r, g0);
	plain_store(g0, (r + 1));
	return NULL;
}

int main(void)
{
	int f = 0;
	pthread_create(&th[1], NULL, t1, NULL);
	pthread_create(&th[2], NULL, t2, NULL);
	pthread_join(th[1], NULL);
	pthread_join(th[2], NULL);
	plain_load(f, g0);
	assert((f == 2));
	return 0;
}
