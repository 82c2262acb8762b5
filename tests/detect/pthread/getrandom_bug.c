//! expect: bug data-race
//! args: --strategy=dfs
/* getrandom_ok with a plain counter: the workers race on it. */
#include <pthread.h>
#include <sys/random.h>

static int done;

static void *work(void *arg)
{
	(void)arg;
	done++;
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
	return done >= 0 ? 0 : 1;
}
