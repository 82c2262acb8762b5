//! expect(rand_r_shared_seed): bug data-race
//! expect(drand48_state): bug data-race
//! expect(setenv_getenv): bug data-race
//! args: --strategy=dfs
/* C library calls that are not thread-safe because of state where weft
 * did not look: rand_r on one seed two threads share (the seed is the
 * program's memory, read and written by a call weft does not
 * instrument), the drand48 family's one hidden state (no lock in glibc,
 * unlike rand's), and setenv while another thread calls getenv.  Each
 * was verified in two schedules: the threads also take a mutex around
 * something else, so the program looked synchronised.
 * libc_unsafe_ok.c makes the calls under the mutex. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <weft/weft.h>

#ifndef LOCKED
#define LOCKED 0
#endif

unsigned shared_seed = 1;
long drawn, got[2];
size_t seen;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int which;

static void use_state(int id)
{
	const char *v;

	if (which == 0) {
		got[id] = rand_r(&shared_seed) % 10;
	} else if (which == 1) {
		got[id] = lrand48() % 10;
	} else if (id == 0) {
		setenv("WEFT_TEST_VAR", "1", 1);
	} else {
		v = getenv("WEFT_TEST_VAR");
		seen += v ? strlen(v) : 0;
	}
}

static void *worker(void *arg)
{
	int id = (int)(long)arg;

	pthread_mutex_lock(&m);
	if (!LOCKED)
		pthread_mutex_unlock(&m);
	use_state(id);
	if (!LOCKED)
		pthread_mutex_lock(&m);
	drawn++;
	pthread_mutex_unlock(&m);
	return NULL;
}

static void run(int w)
{
	pthread_t a, b;

	which = w;
	pthread_create(&a, NULL, worker, (void *)0L);
	pthread_create(&b, NULL, worker, (void *)1L);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	weft_assert(drawn == 2 && got[0] >= 0 && got[1] >= 0);
}

WEFT_TEST(rand_r_shared_seed)
{
	run(0);
}

WEFT_TEST(drand48_state)
{
	run(1);
}

WEFT_TEST(setenv_getenv)
{
	run(2);
}
