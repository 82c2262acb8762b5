//! expect: bug assertion
//! args: --strategy=dfs
/* A binary semaphore guards a critical section, but a stray sem_post
 * raises the count to 2 and lets both workers in at once.  A post is not
 * a release for partial-order reduction: a wait it enables may also be
 * enabled by an earlier post.  semaphore_ok.c has no stray post. */
#include <weft/weft.h>

static weft_sem_t sem;
static weft_atomic_t inside;

static void worker(void *arg)
{
	(void)arg;
	weft_sem_wait(&sem);
	weft_assert(weft_atomic_fetch_add(&inside, 1) == 0);
	weft_atomic_fetch_add(&inside, -1);
	weft_sem_post(&sem);
}

static void stray(void *arg)
{
	(void)arg;
	weft_sem_post(&sem);
}

WEFT_TEST(extra_post)
{
	weft_thread_t a, b, c;

	weft_sem_init(&sem, 1, "sem");
	a = weft_spawn(worker, NULL);
	b = weft_spawn(worker, NULL);
	c = weft_spawn(stray, NULL);
	weft_join(a);
	weft_join(b);
	weft_join(c);
}
