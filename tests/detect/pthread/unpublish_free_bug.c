//! expect: bug use-after-free
//! args: --strategy=dfs
/* main takes a message out of a shared pointer under a lock and frees it
 * after unlocking, but the reader copied the pointer under the same lock
 * before that and reads the message after unlocking: when main's free
 * falls between the reader's unlock and its read, the read is of freed
 * memory.  The free and the read race, so both sites become scheduling
 * points; the free's site is the return address of the program's call of
 * free(), which the replay token carries (the token of this report
 * diverged when it could not; the runner replays every bug it reports,
 * tests/runner_replay.c).
 * unpublish_free_ok.c frees only after joining the reader. */
#include <pthread.h>
#include <stdlib.h>

struct msg {
	int len;
	char buf[16];
} *m;
int sink; /* not static: the read must stay */
static pthread_mutex_t lk = PTHREAD_MUTEX_INITIALIZER;

static void *reader(void *a)
{
	struct msg *p;

	(void)a;
	pthread_mutex_lock(&lk);
	p = m;
	pthread_mutex_unlock(&lk);
	if (p)
		sink = p->len;
	return NULL;
}

int main(void)
{
	struct msg *old;
	pthread_t t;

	m = malloc(sizeof *m);
	m->len = 3;
	pthread_create(&t, NULL, reader, NULL);
	pthread_mutex_lock(&lk);
	old = m;
	m = NULL;
	pthread_mutex_unlock(&lk);
	free(old);
	pthread_join(t, NULL);
	return 0;
}
