//! expect: bug data-race
//! args: --strategy=dfs
/* A C library call fills a struct or buffer of the caller's that
 * another thread reads without a lock: pipe's int[2], uname,
 * sem_getvalue's int, regexec's match array, a signal set, getpwuid_r's
 * struct, strptime's struct tm, inet_pton's address.  Each store is
 * checked as a write (src/tsan/libc_out.c, and the pipe and semaphore
 * models); before, each program was verified in one schedule (a probe).
 * The other libc_out_*_bug.c files pick the call (CALL); libc_out_ok.c
 * makes every call, each side under one lock. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <pthread.h>
#include <pwd.h>
#include <regex.h>
#include <semaphore.h>
#include <signal.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#ifndef CALL
#define CALL 0
#endif
#ifdef LOCKED
#define FIRST 0
#define LAST 7
#else
#define FIRST CALL
#define LAST CALL
#endif

static int fds[2] = { -1, -1 };
static struct utsname un;
static sem_t sem;
static int semval;
static regex_t re;
static regmatch_t match[2];
static sigset_t set;
static struct passwd pw;
static char pwbuf[1024];
static struct tm tmv;
static struct in_addr addr;
static long seen;
#ifdef LOCKED
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
#endif

static void call(int c)
{
	struct passwd *out;

	switch (c) {
	case 0:
		if (pipe(fds) == 0) {
			close(fds[0]);
			close(fds[1]);
		}
		break;
	case 1: uname(&un); break;
	case 2: sem_getvalue(&sem, &semval); break;
	case 3: regexec(&re, "key=value", 2, match, 0); break;
	case 4: sigemptyset(&set); break;
	case 5: getpwuid_r(0, &pw, pwbuf, sizeof pwbuf, &out); break;
	case 6: strptime("2024-05-06", "%Y-%m-%d", &tmv); break;
	case 7: inet_pton(AF_INET, "10.0.0.1", &addr); break;
	}
}

static void plain(int c)
{
	switch (c) {
	case 0: seen = fds[0]; break;
	case 1: seen = un.sysname[0]; break;
	case 2: seen = semval; break;
	case 3: seen = match[1].rm_so; break;
	case 4: seen = ((unsigned char *)&set)[0]; break;
	case 5: seen = pw.pw_uid; break;
	case 6: seen = tmv.tm_year; break;
	case 7: seen = addr.s_addr; break;
	}
}

static void *calls(void *arg)
{
#ifdef LOCKED
	pthread_mutex_lock(&m);
#endif
	for (int c = FIRST; c <= LAST; c++)
		call(c);
#ifdef LOCKED
	pthread_mutex_unlock(&m);
#endif
	return arg;
}

static void *reads(void *arg)
{
#ifdef LOCKED
	pthread_mutex_lock(&m);
#endif
	for (int c = FIRST; c <= LAST; c++)
		plain(c);
#ifdef LOCKED
	pthread_mutex_unlock(&m);
#endif
	return arg;
}

int main(void)
{
	pthread_t a, b;

	sem_init(&sem, 0, 1);
	regcomp(&re, "([a-z]+)=", REG_EXTENDED);
	pthread_create(&a, NULL, calls, NULL);
	pthread_create(&b, NULL, reads, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	regfree(&re);
	sem_destroy(&sem);
	return seen == -7;
}
