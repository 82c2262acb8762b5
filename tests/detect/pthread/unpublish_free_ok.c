//! expect: verified
//! args: --strategy=dfs
/* unpublish_free_bug.c fixed: main takes the message out of the shared
 * pointer under the lock but frees it only after joining the reader, so
 * the reader's read of a message it copied before is never of freed
 * memory. */
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
	pthread_join(t, NULL);
	free(old);
	return 0;
}
