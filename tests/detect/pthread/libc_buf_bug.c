//! expect: bug data-race
//! args: --strategy=dfs
/* A C library call on a buffer that another thread reads or writes
 * without a lock, for calls a probe found verified in one schedule:
 * qsort_r, strndup (which read the string's terminator unchecked),
 * wcslen, wcsncpy, wmemcpy, memfrob and strcasestr (src/tsan/string.c,
 * wide.c, libc_state.c).  Their siblings (qsort, strdup, wcscpy, strncpy,
 * memmove) were reported already.  The other libc_buf_*_bug.c files pick
 * the call (CALL); libc_buf_ok.c makes every call, each side under one
 * lock. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#ifndef CALL
#define CALL 0
#endif
#ifdef LOCKED
#define FIRST 0
#define LAST 6
#else
#define FIRST CALL
#define LAST CALL
#endif

static int nums[4] = { 4, 3, 2, 1 };
static char buf[32] = "12345";
static wchar_t wbuf[16] = L"12345";
static wchar_t wsrc[16] = L"abcde";
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

static int cmp(const void *a, const void *b, void *dir)
{
	return *(int *)dir * (*(const int *)a - *(const int *)b);
}

static void call(int c)
{
	int dir = 1;
	char *p;

	switch (c) {
	case 0: qsort_r(nums, 4, sizeof *nums, cmp, &dir); break;
	case 1:
		p = strndup(buf, 4);
		seen = p[0];
		free(p);
		break;
	case 2: seen = (int)wcslen(wbuf); break;
	case 3: wcsncpy(wbuf, wsrc, 8); break;
	case 4: wmemcpy(wbuf, wsrc, 4); break;
	case 5: memfrob(buf, 4); break;
	case 6: seen = strcasestr(buf, "45") != NULL; break;
	}
}

static void *calls(void *arg)
{
	lock();
	for (int c = FIRST; c <= LAST; c++)
		call(c);
	unlock();
	return arg;
}

static void access_plain(int c)
{
	switch (c) {
	case 0: seen = nums[0]; break;
	case 1: buf[1] = 0; break; /* ends the string where strndup stops */
	case 2: wbuf[2] = 0; break;
	case 3: case 4: seen = (int)wbuf[1]; break;
	case 5: seen = buf[2]; break;
	case 6: buf[3] = 'x'; break;
	}
}

static void *plain(void *arg)
{
	lock();
	for (int c = FIRST; c <= LAST; c++)
		access_plain(c);
	unlock();
	return arg;
}

int main(void)
{
	pthread_t a, b;

	/* The plain side first: strndup's race is with the terminator the
	 * other thread stores, before the call reads it. */
	pthread_create(&b, NULL, plain, NULL);
	pthread_create(&a, NULL, calls, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return seen == -7;
}
