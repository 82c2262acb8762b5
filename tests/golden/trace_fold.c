//! needs: pthread
/* Pins a folded trace: two threads poll a flag until Ctrl-C, and the
 * thousands of rows of their rounds are drawn once, with a row that says
 * how many times more they came; then the SIGINT weft sends from outside
 * and the shutdown whose free comes before the worker's last use. */
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
static _Atomic int stop;
static int *stats;
static void on_int(int s) { (void)s; stop = 1; }
static void *worker(void *a)
{
	(void)a;
	while (!stop)
		usleep(1000);
	stats[0]++; /* the last count, after the stop */
	return NULL;
}
int main(void)
{
	pthread_t t;
	stats = calloc(4, sizeof *stats);
	signal(SIGINT, on_int);
	pthread_create(&t, NULL, worker, NULL);
	while (!stop)
		sleep(1);
#ifdef OK
	pthread_join(t, NULL);
	free(stats);
#else
	free(stats); /* freed before the worker is joined */
	pthread_join(t, NULL);
#endif
	puts("bye");
	return 0;
}
