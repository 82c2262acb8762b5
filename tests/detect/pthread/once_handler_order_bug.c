//! expect: bug deadlock
/* glibc's pthread_once pushes its own cleanup handler (clear_once_control)
 * before calling init, so a handler init pushes runs FIRST, while the once
 * word is still "in progress"; the word is reset only after it.  Here the
 * init's handler waits for main, and main is blocked in pthread_once on
 * the same word: a real deadlock under glibc (run natively: it hangs).
 * weft reset the word before any handler ran and verified it (a
 * review); once_handler_order_ok.c relies on the order. */
#include <pthread.h>
#include <semaphore.h>
#include <unistd.h>
#include <stdio.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static sem_t started, main_done;

static void handler(void *a)
{
	(void)a;
	sem_wait(&main_done);	/* not acted on: the thread is exiting */
}

static void init(void)
{
	pthread_cleanup_push(handler, NULL);
	sem_post(&started);
	for (;;)
		usleep(1000); /* cancellation point */
	pthread_cleanup_pop(0);
}

static void init2(void) {}

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
	sem_init(&main_done, 0, 0);
	pthread_create(&t, NULL, user, NULL);
	sem_wait(&started);
	pthread_cancel(t);
	pthread_once(&once, init2);
	sem_post(&main_done);
	pthread_join(t, NULL);
	puts("done");
	return 0;
}
