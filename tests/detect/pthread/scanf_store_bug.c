// The scanf family stores the program's variables itself, so the
// instrumentation never saw those stores: fscanf("%d", &shared) in main
// while a thread increments shared was verified (SV-COMP's
// goblint-regression 04-mutex_20-stdfun_rc, through a probe; it reads
// stdin with scanf).  The stores a call made are now checked as the
// program's writes (src/tsan/scanfmt.c).  scanf_store_ok.c joins the
// thread first.
//! expect: bug data-race
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>

static int shared;

static void *inc(void *arg)
{
	shared++;
	return arg;
}

int main(void)
{
	static char input[] = "5 7";
	FILE *f = fmemopen(input, sizeof input - 1, "r");
	pthread_t t;

	pthread_create(&t, NULL, inc, NULL);
#ifdef OK
	pthread_join(t, NULL);
	if (fscanf(f, "%d", &shared) != 1)
		return 1;
#else
	if (fscanf(f, "%d", &shared) != 1)
		return 1;
	pthread_join(t, NULL);
#endif
	fclose(f);
	return 0;
}
