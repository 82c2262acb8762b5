//! expect: bug leak
//! args: --strategy=dfs
/* As leak_tls_ok.c (blocks kept by __thread variables and thread-specific
 * values of live threads are not leaks), but grow() forgets to free the
 * buffer it replaces: the old block was pointed to only from the __thread
 * variable it overwrites, so it is unreachable at the end: a leak. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static __thread char *scratch;
static __thread size_t scratch_len;
static pthread_key_t key;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int up;

/* This thread's buffer, at least n bytes. */
static char *grow(size_t n)
{
	char *p;

	if (n <= scratch_len)
		return scratch;
	p = malloc(n);
	if (scratch)
		memcpy(p, scratch, scratch_len);
	scratch = p; /* the old buffer is lost */
	scratch_len = n;
	return p;
}

static void *worker(void *arg)
{
	(void)arg;
	grow(16)[0] = 'w';
	grow(48)[1] = 'w';
	pthread_setspecific(key, malloc(24));
	free(scratch);
	return NULL;
}

static void *helper(void *arg)
{
	(void)arg;
	grow(64)[0] = 'h';
	pthread_mutex_lock(&m);
	up = 1;
	pthread_cond_signal(&c);
	for (;;)
		pthread_cond_wait(&c, &m);
	return NULL;
}

int main(void)
{
	pthread_t w, h;

	pthread_key_create(&key, free);
	pthread_setspecific(key, malloc(40));
	grow(32)[0] = 'm';
	pthread_create(&w, NULL, worker, NULL);
	pthread_create(&h, NULL, helper, NULL);
	grow(128)[1] = 'm';
	pthread_mutex_lock(&m);
	while (!up)
		pthread_cond_wait(&c, &m);
	pthread_mutex_unlock(&m);
	pthread_join(w, NULL);
	return 0;
}
