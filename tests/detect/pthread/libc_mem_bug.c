//! expect: bug data-race
//! args: --strategy=dfs
/* A C library call on a buffer that another thread reads or writes
 * without a lock: the call's reads and writes of the program's memory are
 * checked (src/tsan/libc_mem.c; the clock, stat and getcwd models; the
 * formatting calls kept as calls by weft-cc), so each is a data race.
 * Before, the call's side was invisible (the C library is not built with
 * weft-cc) and each program was verified in one schedule.  The other
 * libc_mem_*_bug.c files pick the call (CALL); libc_mem_ok.c takes a
 * lock around both sides. */
#include <pthread.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef CALL
#define CALL 0
#endif

static char buf[64] = "/usr/lib/file";
static char *cursor = buf;
static struct tm tmv;
static struct timespec ts;
static struct stat st;
static int seen;
#ifdef LOCKED
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
#endif

static void lock(void)
{
#ifdef LOCKED
	pthread_mutex_lock(&m);
#endif
}

static void unlock(void)
{
#ifdef LOCKED
	pthread_mutex_unlock(&m);
#endif
}

static void *calls(void *arg)
{
	time_t t = 86400;

	lock();
	switch (CALL) {
	case 0: strsep(&cursor, "/"); break;
	case 1: dirname(buf); break;
	case 2: strftime(buf, sizeof buf, "%Y", gmtime(&t)); break;
	case 3: localtime_r(&t, &tmv); break;
	case 4: clock_gettime(CLOCK_MONOTONIC, &ts); break;
	case 5: seen = strcasecmp(buf, "/USR/LIB/FILE") == 0; break;
	case 6: snprintf(buf, sizeof buf, "idle"); break;
	case 7: stat("/", &st); break;
	}
	unlock();
	return arg;
}

static void *plain(void *arg)
{
	lock();
	switch (CALL) {
	case 0: seen = cursor != buf; break;
	case 1: seen = buf[8]; break; /* the slash dirname ends the path at */
	case 3: seen = tmv.tm_year; break;
	case 4: seen = ts.tv_sec != 0; break;
	case 5: buf[1] = 'U'; break;
	case 7: seen = st.st_mode != 0; break;
	default: seen = buf[1]; break;
	}
	unlock();
	return arg;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, calls, NULL);
	pthread_create(&b, NULL, plain, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	/* seen is read, so the compiler keeps the plain side's loads. */
	return seen == -7;
}
