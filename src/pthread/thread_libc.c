/* src/pthread/thread_libc.c - the C library's per-thread state, per test
 * thread: the buffers strerror, strsignal and inet_ntoa return, and the
 * stream locks of flockfile.
 *
 * glibc keeps these per OS thread (in the thread descriptor, in its own
 * __thread variables, or in a lock owned by the OS thread), and the test
 * threads all run on one OS thread: a thread's strerror text was another
 * thread's, and flockfile excluded nobody (every test thread was its
 * owner), so correct programs failed.  The buffers here are indexed by
 * the test thread; the stream locks are weft's recursive mutexes, one per
 * stream a test thread locks. */
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

/* A stream's lock: one of weft's recursive mutexes (flockfile's lock is
 * recursive, and unlocking it without holding it is the same misuse). */
struct stream_lock {
	const FILE *f;
	weft_mutex_t m;
};

static struct stream_lock locks[MAX_STREAM_LOCKS];
static int nlocks;

void weft__pthread_stream_locks_begin(void)
{
	nlocks = 0;
}

static weft_mutex_t *lock_of(FILE *f, const struct weft_loc *loc)
{
	for (int i = 0; i < nlocks; i++)
		if (locks[i].f == f)
			return &locks[i].m;
	if (nlocks == MAX_STREAM_LOCKS)
		weft__limit("unsupported: flockfile", loc,
			    "more than %d streams locked with flockfile in one "
			    "execution", MAX_STREAM_LOCKS);
	locks[nlocks].f = f;
	weft_mutex_init(&locks[nlocks].m, "stream lock");
	locks[nlocks].m.kind = WEFT_MUTEX_RECURSIVE;
	return &locks[nlocks++].m;
}

/* Blocks while another test thread holds f's lock; recursive. */
void __weft_flockfile(FILE *f)
{
	const struct weft_loc *loc;

	if (!weft__pt_live()) {
		flockfile(f);
		return;
	}
	loc = PT_LOC();
	weft__mutex_lock(lock_of(f, loc), "flockfile", loc);
}

/* Never blocks: 0 when f's lock was taken (or already the caller's). */
int __weft_ftrylockfile(FILE *f)
{
	const struct weft_loc *loc;

	if (!weft__pt_live())
		return ftrylockfile(f);
	loc = PT_LOC();
	return weft__mutex_trylock(lock_of(f, loc), "ftrylockfile", loc) ? -1
									  : 0;
}

/* Never blocks; unlocking a stream the caller has not locked is misuse. */
void __weft_funlockfile(FILE *f)
{
	const struct weft_loc *loc;

	if (!weft__pt_live()) {
		funlockfile(f);
		return;
	}
	loc = PT_LOC();
	weft__mutex_unlock(lock_of(f, loc), "funlockfile", loc);
}
