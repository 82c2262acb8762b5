/* src/linux/waker.c - who would complete a completion, or wake a wait
 * queue, that a thread of a deadlock waits for.
 *
 * A waiter's completer has not called complete() yet, so the execution
 * does not say who it is; the program's code does (detect/wakers.c
 * finds a complete() or wake_up() of an object of that name in a
 * thread's functions).  Three answers, in this order: a blocked thread
 * whose code makes the call (the cycle runs through it: "waiter ->
 * completion c -> completer"); a pending work whose function makes it,
 * which waits for a worker of its queue, perhaps behind the waiter
 * itself on an ordered queue (a wait_event in a work for a work queued
 * after it); otherwise the honest answer that weft knows of none. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lx.h"

static void append(char *buf, size_t n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void append(char *buf, size_t n, const char *fmt, ...)
{
	size_t used = strlen(buf);
	va_list ap;

	if (used + 1 >= n)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + used, n - used, fmt, ap);
	va_end(ap);
}

static const char *call_of(const struct weft_wake_site *s)
{
	return weft__internf("%s(%s) at %s", s->what, s->obj,
			     weft__lx_site(s->loc));
}

/* The thread that runs a work of wq other than the waiter's, or the
 * waiter when it is the only one; -1 when wq runs none. */
static int runner_of(const struct weft_wq *wq, int waiter,
		     const struct weft_work **work)
{
	int found = -1;

	for (int k = 0; k < wq->nworkers; k++) {
		const struct weft_work *w = wq->cur[k];
		if (!w || !w->runner)
			continue;
		if (found < 0 || found == waiter) {
			found = w->runner - 1;
			*work = w;
		}
	}
	return found;
}

/* Pending work w of wq would make the call (site s): it waits for one of
 * the queue's running works to end, the waiter's own on a queue that
 * runs one at a time. */
static void pending_work(const struct weft_wq *wq, const struct weft_work *w,
			 const struct weft_wake_site *s, const char *obj,
			 const char *verb, int waiter, char *buf, size_t n)
{
	const struct weft_work *cur = NULL;
	int r = wq->nactive >= wq->max_active ? runner_of(wq, waiter, &cur)
					      : -1;

	if (r < 0) {
		append(buf, n, "; work %s would %s it (its code calls %s), "
			       "pending on %s",
		       w->name, verb, call_of(s), wq->name);
		return;
	}
	if (r == waiter && wq->max_active == 1) {
		append(buf, n, "; work %s would %s it (its code calls %s), but "
			       "is queued behind %s on %s, which runs one work "
			       "at a time: it cannot start before this wait "
			       "ends",
		       w->name, verb, call_of(s), cur->name,
		       weft__internf("%s workqueue %s",
				     wq->ordered ? "ordered" : "single-worker",
				     wq->name));
		weft__wait_via(r, weft__internf("%s -> work %s, queued behind "
						"%s on %s", obj, w->name,
						cur->name, wq->name));
		return;
	}
	append(buf, n, "; work %s would %s it (its code calls %s), but is "
		       "pending on %s behind work %s, running in %s",
	       w->name, verb, call_of(s), wq->name, cur->name,
	       weft__lx_tname(r));
	weft__wait_via(r, weft__internf("%s -> work %s", obj, w->name));
}

void weft__lx_waker(const char *family, const char *noun, const char *name,
		    char *buf, size_t n)
{
	int waiter = weft__wait_described();
	const char *verb = strcmp(family, "complete") ? "wake" : "complete";
	const struct weft_wake_site *s;
	const char *obj;

	if (waiter < 0)
		return;
	obj = weft__internf("%s %s", noun, name);
	for (int t = 0; t < weft__nthreads(); t++) {
		if (t == waiter || weft__thread_done(t) ||
		    !(s = weft__wake_site_of_thread(t, family, name)))
			continue;
		append(buf, n, "; %s would %s it: its code calls %s",
		       weft__lx_tname(t), verb, call_of(s));
		weft__wait_via(t, obj);
		return;
	}
	for (const struct weft_wq *wq = weft__lx_wq_registry; wq;
	     wq = wq->next_wq)
		for (const struct weft_work *w = wq->head; w; w = w->next)
			if ((s = weft__wake_site_in(w->name, 0, family,
						    name))) {
				pending_work(wq, w, s, obj, verb, waiter, buf,
					     n);
				return;
			}
	if ((s = weft__wake_site_of_thread(waiter, family, name)))
		append(buf, n, "; only its own code calls %s, after this "
			       "wait", call_of(s));
	else
		append(buf, n, "; weft cannot tell who would %s it: no "
			       "blocked thread's code calls %s() on it past "
			       "where it is, nor does a pending work's "
			       "function", verb, family);
}
