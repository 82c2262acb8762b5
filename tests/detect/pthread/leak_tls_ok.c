//! expect: verified
//! args: --strategy=dfs
/* Blocks reachable only from __thread variables or thread-specific values
 * of threads still alive at the end are not leaks (LeakSanitizer's roots
 * include every live thread's TLS): main's buffer, which grow() replaces
 * and frees as it grows, main's pthread_setspecific value (main's key
 * destructors do not run when it returns), and the buffer of a helper
 * thread that is still waiting when main returns.  A worker that ends
 * frees its own buffer, and its thread-specific value goes to the key's
 * destructor.  The buggy twin, leak_tls_bug.c, does not free the buffer
 * grow() replaces. */
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
	free(scratch);
	scratch = p;
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
