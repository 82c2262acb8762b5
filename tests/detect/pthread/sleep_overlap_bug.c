//! expect: bug assertion
/* Two workers sleep 1 s each, side by side; main joins them and takes
 * the batch for at least 2 s, as if the sleeps added up.  Natively they
 * overlap and the batch takes about 1 s: the assertion fails.  weft added
 * every sleep to one clock as it began, so two threads' sleeps always
 * added up, and this was verified (a probe of pthread programs); now a
 * sleep's end moves the clock to its own deadline, and a thread may start
 * its sleep before the other's ends.  sleep_overlap_ok.c asserts what
 * holds in every schedule: at least 1 s. */
#include <assert.h>
#include <pthread.h>
#include <time.h>

#ifdef FIXED
#define AT_LEAST 1.0
#else
#define AT_LEAST 2.0
#endif

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static void *download(void *arg)
{
	struct timespec d = { 1, 0 };

	(void)arg;
	nanosleep(&d, NULL);
	return NULL;
}

int main(void)
{
	double t0 = now();
	pthread_t a, b;

	pthread_create(&a, NULL, download, NULL);
	pthread_create(&b, NULL, download, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(now() - t0 >= AT_LEAST);
	return 0;
}
