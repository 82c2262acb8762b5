//! expect: bug data-race
//! args: --strategy=dfs
/* Two threads share one state of a reentrant C library call without a
 * lock: a generator (random_r, drand48_r), a tsearch tree, an lsearch
 * array, an hsearch_r table.  The call reads and writes that state
 * (src/tsan/libc_reent.c); before, the C library's side was invisible
 * and each program was verified in one or two schedules (a probe).  The
 * other libc_reent_*_bug.c files pick the call (CALL); libc_reent_ok.c
 * makes every call under one lock. */
#define _GNU_SOURCE
#include <pthread.h>
#include <search.h>
#include <stdlib.h>
#include <string.h>

#ifndef CALL
#define CALL 0
#endif
#ifdef LOCKED
#define FIRST 0
#define LAST 4
#else
#define FIRST CALL
#define LAST CALL
#endif

static struct random_data rnd;
static char rstate[64];
static struct drand48_data d48;
static void *root;
static int table[8];
static size_t ntab;
static struct hsearch_data htab;
static int keys[2] = { 1, 2 };
static long seen;
#ifdef LOCKED
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
#endif

static int cmp(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static void call(int c, int k)
{
	int32_t r;
	long l;
	ENTRY e = { k ? "beta" : "alpha", NULL }, *found;

	switch (c) {
	case 0: random_r(&rnd, &r); break;
	case 1: lrand48_r(&d48, &l); break;
	case 2: tsearch(&keys[k], &root, cmp); break;
	case 3: lsearch(&keys[k], table, &ntab, sizeof *table, cmp); break;
	case 4: hsearch_r(e, ENTER, &found, &htab); break;
	}
}

static void *work(void *arg)
{
	int k = (int)(long)arg;

#ifdef LOCKED
	pthread_mutex_lock(&m);
#endif
	for (int c = FIRST; c <= LAST; c++)
		call(c, k);
#ifdef LOCKED
	pthread_mutex_unlock(&m);
#endif
	return arg;
}

int main(void)
{
	pthread_t a, b;

	initstate_r(1, rstate, sizeof rstate, &rnd);
	srand48_r(7, &d48);
	hcreate_r(8, &htab);
	pthread_create(&a, NULL, work, (void *)0L);
	pthread_create(&b, NULL, work, (void *)1L);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	seen = tfind(&keys[0], &root, cmp) != NULL;
	tdelete(&keys[0], &root, cmp);
	tdelete(&keys[1], &root, cmp);
	hdestroy_r(&htab);
	return seen == -7;
}
