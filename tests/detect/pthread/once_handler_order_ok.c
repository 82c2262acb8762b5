//! expect: verified
/* The once word is reset only after the handlers init pushed (glibc's
 * clear_once_control is the outer handler), so a pthread_once that runs
 * init2 after the cancelled init is ordered after init's handler: init2
 * may rely on what that handler did.  Correct under glibc; weft (new)
 * reset the word before the handler ran: a false assertion failure (and
 * a false data race on `cleaned`; a review). */
#include <assert.h>
#include <pthread.h>
#include <semaphore.h>
#include <unistd.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static sem_t started;
static int cleaned;

static void handler(void *a)
{
	(void)a;
	cleaned = 1;
}

static void init(void)
{
	pthread_cleanup_push(handler, NULL);
	sem_post(&started);
	for (;;)
		usleep(1000); /* a cancellation point */
	pthread_cleanup_pop(0);
}

static void init2(void)
{
	assert(cleaned);
}

static void *user(void *a)
{
	(void)a;
	pthread_once(&once, init);
	return NULL;
}

int main(void)
{
	pthread_t t;

	sem_init(&started, 0, 0);
	pthread_create(&t, NULL, user, NULL);
	sem_wait(&started);
	pthread_cancel(t);
	pthread_once(&once, init2);
	pthread_join(t, NULL);
	return 0;
}
