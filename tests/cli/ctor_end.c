/* A constructor of the program's that ends the process before main, and
 * so before weft (premain.sh), as CTOR_END asks: "crash" (a null
 * pointer's write), "exit" (exit(3), the status of an inconclusive
 * verdict), "abort"; anything else lets main run. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int *volatile table;
static int count;

__attribute__((constructor)) static void setup(void)
{
	const char *how = getenv("CTOR_END");

	if (!how)
		return;
	if (!strcmp(how, "crash"))
		table[3] = 1;
	if (!strcmp(how, "exit")) {
		fprintf(stderr, "config missing\n");
		exit(3);
	}
	if (!strcmp(how, "abort"))
		abort();
}

static void *worker(void *arg)
{
	(void)arg;
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	count++;
	pthread_join(t, NULL);
	return count == 1 ? 0 : 1;
}
