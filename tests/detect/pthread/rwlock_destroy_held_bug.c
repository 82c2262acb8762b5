//! expect: bug misuse
//! args: --strategy=dfs
/* main destroys a rwlock that its reader may still hold.  The check ran
 * between steps, where no other thread could be inside, so this was
 * verified (a review found it).  rwlock_destroy_held_ok.c joins the
 * reader first. */
#include <pthread.h>
#include <stdatomic.h>

static pthread_rwlock_t l = PTHREAD_RWLOCK_INITIALIZER;
atomic_int x;

static void *reader(void *arg)
{
	(void)arg;
	pthread_rwlock_rdlock(&l);
	pthread_rwlock_unlock(&l);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, reader, NULL);
	atomic_store(&x, 1);
#ifdef RWLOCK_DESTROY_OK
	pthread_join(t, NULL);
	pthread_rwlock_destroy(&l);
#else
	pthread_rwlock_destroy(&l);
	pthread_join(t, NULL);
#endif
	return 0;
}
