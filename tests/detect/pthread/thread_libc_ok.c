//! expect: verified
/* The C library's per-thread state is each test thread's own.  A record
 * written under flockfile (a recursive lock per stream) bumps a counter
 * no other thread touches meanwhile; strerror of an unknown number and
 * inet_ntoa return per-thread buffers, which another thread's call does
 * not overwrite.  All three failed: the test threads share one OS thread,
 * which owned every stream lock and held one buffer.  thread_libc_bug.c
 * bumps the counter outside the stream lock. */
#include <arpa/inet.h>
#include <assert.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>

static int records;
static sem_t first_done, second_done;

static void *recorder(void *arg)
{
	long id = (long)arg;
	int r;

#ifdef THREAD_LIBC_BUG
	r = records;
	records = r + 1;
#endif
	flockfile(stdout);
	flockfile(stdout);
#ifndef THREAD_LIBC_BUG
	r = records;
	records = r + 1;
#endif
	printf("record %d (thread %ld)\n", r, id);
	funlockfile(stdout);
	funlockfile(stdout);
	return NULL;
}

static void *first(void *arg)
{
	struct in_addr a = { .s_addr = htonl(0x0a000001) };
	char *e = strerror(1111), *n = inet_ntoa(a);

	(void)arg;
	sem_post(&first_done);
	sem_wait(&second_done);
	assert(strcmp(e, "Unknown error 1111") == 0);
	assert(strcmp(n, "10.0.0.1") == 0);
	return NULL;
}

static void *second(void *arg)
{
	struct in_addr a = { .s_addr = htonl(0xc0a80002) };

	(void)arg;
	sem_wait(&first_done);
	assert(strcmp(strerror(2222), "Unknown error 2222") == 0);
	assert(strcmp(inet_ntoa(a), "192.168.0.2") == 0);
	sem_post(&second_done);
	return NULL;
}

int main(void)
{
	pthread_t t[4];

	sem_init(&first_done, 0, 0);
	sem_init(&second_done, 0, 0);
	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, recorder, (void *)i);
	pthread_create(&t[2], NULL, first, NULL);
	pthread_create(&t[3], NULL, second, NULL);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	assert(records == 2);
	return 0;
}
