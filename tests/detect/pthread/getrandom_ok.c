//! expect: verified
//! args: --strategy=dfs
/* The number of workers comes from getrandom(): weft draws the bytes from
 * a generator of its own, the same in every execution, so the program
 * replays (it was reported as nondeterministic: the real bytes changed
 * from one run of the same schedule to the next), and the verification
 * says it holds for the values drawn only.  getrandom_bug races. */
#include <pthread.h>
#include <stdatomic.h>
#include <sys/random.h>

static atomic_int done;

static void *work(void *arg)
{
	(void)arg;
	atomic_fetch_add(&done, 1);
	return NULL;
}

int main(void)
{
	unsigned char r = 0;
	pthread_t th[4];
	int n;

	if (getrandom(&r, 1, 0) != 1)
		return 1;
	n = 2 + r % 3;
	for (int i = 0; i < n; i++)
		pthread_create(&th[i], NULL, work, NULL);
	for (int i = 0; i < n; i++)
		pthread_join(th[i], NULL);
	return atomic_load(&done) == n ? 0 : 1;
}
