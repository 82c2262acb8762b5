//! expect: bug misuse
//! args: --strategy=dfs
/* pthread_join of a thread the program detached: undefined behaviour,
 * since a detached thread's resources go when it ends (glibc's EINVAL
 * then comes from freed memory, or the join hangs).  weft returned EINVAL
 * and said verified.  join_detached_ok.c joins a joinable thread and
 * detaches another that it never joins. */
#include <pthread.h>
#include <stdio.h>

static void *work(void *arg)
{
	return arg;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, work, NULL);
	pthread_detach(t);
	printf("join: %d\n", pthread_join(t, NULL));
	return 0;
}
