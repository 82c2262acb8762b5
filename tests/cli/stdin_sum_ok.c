/* For tests/cli/stdin_input.sh: sums the numbers on standard input, one
 * thread per number adding it to a total under a mutex.  The first line
 * is read with fgets (a call weft interposes), the rest with scanf (one
 * it does not), so both must see the same input in every execution; a
 * later execution that read less would take another path (weft reports
 * that) or fail the assertion.  stdin_sum_bug.c adds without the lock. */
#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX 8

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long total;

static void *add(void *arg)
{
	pthread_mutex_lock(&lock);
	total += *(const long *)arg;
	pthread_mutex_unlock(&lock);
	return NULL;
}

int main(void)
{
	pthread_t t[MAX];
	long v[MAX], sum = 0;
	char line[64];
	int n = 0;

	if (fgets(line, sizeof line, stdin))
		v[n++] = strtol(line, NULL, 10);
	while (n < MAX && scanf("%ld", &v[n]) == 1)
		n++;
	for (int i = 0; i < n; i++) {
		sum += v[i];
		pthread_create(&t[i], NULL, add, &v[i]);
	}
	for (int i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	assert(total == sum);
	printf("read %d numbers, total %ld\n", n, total);
	return 0;
}
