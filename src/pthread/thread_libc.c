/* src/pthread/thread_libc.c - the C library's per-thread state, per test
 * thread: the buffers strerror, strsignal and inet_ntoa return, and the
 * stream locks of flockfile.
 *
 * glibc keeps these per OS thread (in the thread descriptor, in its own
 * __thread variables, or in a lock owned by the OS thread), and the test
 * threads all run on one OS thread: a thread's strerror text was another
 * thread's, and flockfile excluded nobody (every test thread was its
 * owner), so correct programs failed.  The buffers here are indexed by
 * the test thread; the stream locks are weft mutexes, recursive as
 * flockfile's are, one per stream a test thread locks. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

#include "pthread/pt.h"
#include "sync/sync.h"
#include "modelled.h"

/* The texts are at most this long (glibc's are far shorter; a longer one
 * is cut, as strerror_r would). */
#define TEXT_MAX 256

/* Each function's buffer of each thread: a thread's strerror text
 * survives its own inet_ntoa, as in glibc. */
enum text_kind { TEXT_STRERROR, TEXT_STRSIGNAL, TEXT_INET_NTOA, TEXT_KINDS };

static char (*texts)[TEXT_KINDS][TEXT_MAX];

static char *text_of_thread(enum text_kind k)
{
	if (!texts)
		texts = weft__persistent_alloc(sizeof *texts *
					       WEFT__MAX_THREADS);
	return texts[weft__self()][k];
}

char *__weft_strerror(int e)
{
	char *buf;

	if (!weft__pt_live())
		return strerror(e);
	buf = text_of_thread(TEXT_STRERROR);
	/* The GNU strerror_r returns its static text for a known number
	 * and writes the unknown ones into buf, as strerror does. */
	return strerror_r(e, buf, TEXT_MAX);
}

char *__weft_strsignal(int sig)
{
	char *buf;

	if (!weft__pt_live())
		return strsignal(sig);
	buf = text_of_thread(TEXT_STRSIGNAL);
	snprintf(buf, TEXT_MAX, "%s", strsignal(sig));
	return buf;
}

char *__weft_inet_ntoa(struct in_addr in)
{
	char *buf;

	if (!weft__pt_live())
		return inet_ntoa(in);
	buf = text_of_thread(TEXT_INET_NTOA);
	return (char *)inet_ntop(AF_INET, &in, buf, TEXT_MAX);
}

/* ---- flockfile ------------------------------------------------------------ */

#define MAX_STREAM_LOCKS 64

struct stream_lock {
	const FILE *f;
	weft_mutex_t m;
	int owner;     /* the test thread holding it, -1 none */
	int depth;
};

static struct stream_lock locks[MAX_STREAM_LOCKS];
static int nlocks;

void weft__pthread_stream_locks_begin(void)
{
	nlocks = 0;
}

static struct stream_lock *lock_of(FILE *f, const struct weft_loc *loc)
{
	for (int i = 0; i < nlocks; i++)
		if (locks[i].f == f)
			return &locks[i];
	if (nlocks == MAX_STREAM_LOCKS)
		weft__limit("unsupported: flockfile", loc,
			    "more than %d streams locked with flockfile in one "
			    "execution", MAX_STREAM_LOCKS);
	locks[nlocks] = (struct stream_lock){ .f = f, .owner = -1 };
	weft_mutex_init(&locks[nlocks].m, "stream lock");
	return &locks[nlocks++];
}

/* Blocks while another test thread holds f's lock; recursive. */
void __weft_flockfile(FILE *f)
{
	struct stream_lock *l;
	const struct weft_loc *loc;

	if (!weft__pt_live()) {
		flockfile(f);
		return;
	}
	loc = PT_LOC();
	l = lock_of(f, loc);
	if (l->owner == weft__self()) {
		l->depth++;
		return;
	}
	weft__mutex_lock(&l->m, "flockfile", loc);
	l->owner = weft__self();
	l->depth = 1;
}

/* Never blocks: 0 when f's lock was taken (or already the caller's). */
int __weft_ftrylockfile(FILE *f)
{
	struct stream_lock *l;
	const struct weft_loc *loc;

	if (!weft__pt_live())
		return ftrylockfile(f);
	loc = PT_LOC();
	l = lock_of(f, loc);
	if (l->owner == weft__self()) {
		l->depth++;
		return 0;
	}
	if (weft__mutex_trylock(&l->m, "ftrylockfile", loc) != 0)
		return -1;
	l->owner = weft__self();
	l->depth = 1;
	return 0;
}

void __weft_funlockfile(FILE *f)
{
	struct stream_lock *l;
	const struct weft_loc *loc;

	if (!weft__pt_live()) {
		funlockfile(f);
		return;
	}
	loc = PT_LOC();
	l = lock_of(f, loc);
	if (l->owner != weft__self())
		weft__fail(WEFT__K(MISUSE), loc,
			   "funlockfile of a stream this thread has not "
			   "locked");
	if (--l->depth == 0) {
		l->owner = -1;
		weft__mutex_unlock(&l->m, "funlockfile", loc);
	}
}
