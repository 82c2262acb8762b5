// sscanf's arguments as the format walk pairs them: a suppressed field
// (%*d) takes none, %n stores the count so far, and a conversion the
// input never reached (the "x" that does not match) stores nothing.  The
// worker reads the count %n stored while main parses: a data race.  The
// twin (sscanf_count_ok.c) reads the variable of the conversion that
// failed instead, which nothing wrote: a walk that gave %*d an argument,
// or recorded failed conversions, made it a false race (a review's
// mutations of src/tsan/scanfmt.c that the earlier tests let through).
//! expect: bug data-race
#include <pthread.h>
#include <stdio.h>

#ifdef OK
static int v, spare, other;
#else
static int v, used;
#endif
static int seen;

static void *worker(void *arg)
{
#ifdef OK
	seen = spare;
#else
	seen = used;
#endif
	return arg;
}

int main(void)
{
	pthread_t t;
	int r;

	pthread_create(&t, NULL, worker, NULL);
#ifdef OK
	/* One argument more than the format takes, as a walk that gave
	 * %*d one would pair it (the format is a variable so that the
	 * compiler lets the extra argument be). */
	static const char *fmt = "%*d %d x%d";
	r = sscanf("5 7 y", fmt, &v, &spare, &other);
#else
	r = sscanf("5 7", "%*d %d%n", &v, &used);
#endif
	pthread_join(t, NULL);
	return r == 1 && v == 7 && seen != 42 ? 0 : 1;
}
