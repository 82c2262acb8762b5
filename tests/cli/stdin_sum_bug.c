/* For tests/cli/stdin_input.sh: as stdin_sum_ok.c (one thread per number
 * on standard input, the first line read with fgets, the rest with
 * scanf), but the threads add to the total without the lock: a data race
 * as soon as the input has two numbers. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX 8

static long total;

static void *add(void *arg)
{
	total += *(const long *)arg;
	return NULL;
}

int main(void)
{
	pthread_t t[MAX];
	long v[MAX];
	char line[64];
	int n = 0;

	if (fgets(line, sizeof line, stdin))
		v[n++] = strtol(line, NULL, 10);
	while (n < MAX && scanf("%ld", &v[n]) == 1)
		n++;
	for (int i = 0; i < n; i++)
		pthread_create(&t[i], NULL, add, &v[i]);
	for (int i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	printf("read %d numbers, total %ld\n", n, total);
	return 0;
}
