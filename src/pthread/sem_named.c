/* src/pthread/sem_named.c - named POSIX semaphores (sem_open).
 *
 * A named semaphore is the kernel's, in /dev/shm, shared with every
 * process that opens the name.  Inside an execution that is one process
 * and its threads: sem_open makes a semaphore of weft's in the
 * execution's memory, under its name, and opening the name again finds
 * it, as sem_init's semaphores are (sem.c).  Before, sem_open gave the
 * real one, on which weft's model wrote its own state: a correct program
 * deadlocked, and the file it left hung the program's next native run
 * (found by a probe of awkward programs).  Outside an execution the calls
 * are the C library's. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <semaphore.h>
#include <stdarg.h>
#include <string.h>

#include "pthread/pt.h"
#include "sync/sync.h"
#include "modelled.h"

#define MAX_NAMED 64

struct named {
	const char *name;       /* interned */
	sem_t *s;
	int opens;              /* handles open: sem_open less sem_close */
	bool linked;            /* sem_unlink not called yet */
};

static struct named tab[MAX_NAMED];
static int ntab;
static long tab_exec = -1;

/* The names of this execution: a new execution starts with none. */
static void fresh(void)
{
	if (tab_exec != weft__exec_gen()) {
		tab_exec = weft__exec_gen();
		ntab = 0;
	}
}

static struct named *linked(const char *name)
{
	for (int i = 0; i < ntab; i++)
		if (tab[i].linked && !strcmp(tab[i].name, name))
			return &tab[i];
	return NULL;
}

/* The name a step on the table shows: the trace keeps it, and draws it
 * after the program's buffer holding it is gone (a name built with
 * snprintf on the stack crashed weft's report).  A name the table has
 * is its interned copy; a new one is interned, once (interning at every
 * call filled the pool, whose full answer, one string for all names, a
 * lookup then took for the name: a review's finding).  Lookups compare
 * the program's own string. */
static const char *shown(const char *name)
{
	if (!name)
		return NULL;
	for (int i = 0; i < ntab; i++)
		if (!strcmp(tab[i].name, name))
			return tab[i].name;
	return weft__intern(name);
}

/* A step on the table, so that two threads' opens and unlinks of a name
 * are tried in both orders. */
static const char table_obj;

sem_t *__weft_sem_open(const char *name, int oflag, ...)
{
	const struct weft_loc *loc;
	unsigned value = 0;
	mode_t mode = 0;
	struct named *n;
	va_list ap;

	if (oflag & O_CREAT) {
		va_start(ap, oflag);
		mode = (mode_t)va_arg(ap, int);
		value = va_arg(ap, unsigned);
		va_end(ap);
	}
	if (!weft__pt_live())
		return sem_open(name, oflag, mode, value);
	loc = PT_LOC();
	fresh();
	weft__point("sem_open", &table_obj, shown(name), WEFT__ACC_WRITE, loc);
	if ((n = linked(name))) {
		if ((oflag & O_CREAT) && (oflag & O_EXCL)) {
			errno = EEXIST;
			return SEM_FAILED;
		}
		/* Mapped again after its last close: the same semaphore,
		 * its count kept by the kernel. */
		if (!n->opens++)
			((weft_sem_t *)n->s)->cls = 0;
		return n->s;
	}
	if (!(oflag & O_CREAT)) {
		errno = ENOENT;
		return SEM_FAILED;
	}
	if (value > SEM_VALUE_MAX) {
		errno = EINVAL;
		return SEM_FAILED;
	}
	if (ntab == MAX_NAMED)
		weft__limit("unsupported: sem_open", loc,
			    "more than %d named semaphores in one execution",
			    MAX_NAMED);
	n = &tab[ntab++];
	n->name = weft__intern(name);
	n->s = weft__exec_alloc(sizeof *n->s);
	n->linked = true;
	n->opens = 1;
	weft_sem_init((weft_sem_t *)n->s, (long)value, n->name);
	return n->s;
}

/* A step on the semaphore: the C library counts the handles sem_open
 * gave the process and unmaps the semaphore at the last sem_close, so a
 * use after it touches unmapped memory (a segmentation fault natively;
 * sem.c reports it).  Closing it while a thread waits on it is that use.
 * A sem_close that returned 0 and did nothing let a program verify that
 * crashed in 29 runs of 30 (a probe of ordinary pthread programs). */
int __weft_sem_close(sem_t *s)
{
	const struct weft_loc *loc;
	struct named *n = NULL;
	weft_sem_t *w = (weft_sem_t *)s;
	int t;

	if (!weft__pt_live())
		return sem_close(s);
	loc = PT_LOC();
	fresh();
	for (int i = 0; i < ntab && !n; i++)
		if (tab[i].s == s && tab[i].opens > 0)
			n = &tab[i];
	if (!n) {
		errno = EINVAL;
		return -1;
	}
	weft__point("sem_close", s, n->name, WEFT__ACC_WRITE, loc);
	if (--n->opens)
		return 0;
	if ((t = weft__sem_waiter(w)) >= 0)
		weft__fail(WEFT__K(USE_AFTER_FREE), loc,
			   "sem_close unmaps %s while %s waits on it at %s",
			   n->name, weft__thread_name(t),
			   weft__sync_site(weft__thread_pending(t)->loc));
	w->cls = WEFT__SEM_CLOSED;
	((struct weft__pt_sem *)s)->closed_at = loc;
	return 0;
}

int __weft_sem_unlink(const char *name)
{
	struct named *n;

	if (!weft__pt_live())
		return sem_unlink(name);
	fresh();
	weft__point("sem_unlink", &table_obj, shown(name), WEFT__ACC_WRITE,
		    PT_LOC());
	if (!(n = linked(name))) {
		errno = ENOENT;
		return -1;
	}
	n->linked = false;
	return 0;
}
