/* src/pthread/atexit.c - what the end of the program runs: the handlers
 * registered with atexit, on_exit and __cxa_atexit (through which C++
 * registers the destructor of each static object it constructs), the
 * executable's destructors (its .fini_array), and the at_quick_exit
 * handlers.
 *
 * Every execution ends the program once, so each runs them (each at most
 * once, even when one calls exit again), in the C library's order: the
 * handlers last registered first, the ones the program registered before
 * main (static objects built by constructors) after those of the
 * execution, then the .fini_array, last entry first.
 * Registrations made before main also go to the C library, whose exit
 * runs them once more when the worker process itself ends, as before. */
#include <stdlib.h>
#include <string.h>

#include "pthread/pt.h"
#include "modelled.h"
#include "report/report.h"

int __cxa_atexit(void (*fn)(void *), void *arg, void *dso);
/* glibc's, under libstdc++'s __cxa_thread_atexit (which a C program does
 * not link). */
int __cxa_thread_atexit_impl(void (*fn)(void *), void *obj, void *dso);

struct handler {
	void (*fn)(void *);        /* __cxa_atexit's, with arg */
	void *arg;
	void (*plain)(void);       /* atexit's */
	void (*with_status)(int, void *); /* on_exit's, with arg */
};

#define MAX_HANDLERS 256
/* The registrations made before main stay for every execution; left is
 * how many of them this execution has still to run (reset as it begins).
 * An execution's own registrations are taken off as they run. */
struct handlers {
	struct handler h[MAX_HANDLERS];
	int n, left;
};
static struct handlers premain, premain_quick, exec, quick;
/* The status exit was called with (main's return value), which on_exit's
 * handlers are handed. */
static int exit_status;
/* The arguments on_exit and __cxa_atexit were handed in this execution:
 * the C library keeps them in its list of handlers, run or not, so they
 * are roots of the leak check (a block given to on_exit was a false
 * leak; LeakSanitizer, which runs after the handlers, does not report
 * it). */
static const void *held[MAX_HANDLERS];
static int nheld;

static int add(struct handlers *l, struct handler h)
{
	if (l->n == MAX_HANDLERS) {
		if (weft__pt_live())
			weft__limit("unsupported: atexit", NULL,
				    "more than %d exit handlers or static "
				    "destructors", MAX_HANDLERS);
		return -1;
	}
	l->h[l->n++] = h;
	return 0;
}

/* While a C++ static destructor (or a thread-specific data destructor,
 * keys.c) runs, the place its frees are reported at: weft's or the C
 * library's code calls it, so the return address of a free
 * names no line of the program (it named libweft.so:0). */
static const struct weft_loc *exit_site;

const struct weft_loc *weft__pt_exit_site(void)
{
	return weft__pt_live() ? exit_site : NULL;
}

const struct weft_loc *weft__pt_exit_site_set(const struct weft_loc *l)
{
	const struct weft_loc *old = exit_site;

	exit_site = l;
	return old;
}

static void call(struct handler h)
{
	if (h.plain) {
		h.plain();
		return;
	}
	if (h.with_status) {
		h.with_status(exit_status, h.arg);
		return;
	}
	struct weft_loc *l = weft__exec_alloc(sizeof *l);
	l->file = "exit";
	l->func = weft__internf("the destructor of %s",
				weft__objname(h.arg, "an object"));
	exit_site = l;
	h.fn(h.arg);
	exit_site = NULL;
}

/* Runs an execution's handlers, last first, each taken off before it
 * runs: one registered by a handler runs next, as in the C library, and
 * one that calls exit again goes on with the rest instead of running
 * itself again. */
static void run(struct handlers *l)
{
	while (l->n > 0)
		call(l->h[--l->n]);
}

/* The same for the registrations made before main, by their cursor. */
static void run_kept(struct handlers *l)
{
	while (l->left > 0)
		call(l->h[--l->left]);
}

/* The program's own destructors (__attribute__((destructor)), the
 * executable's .fini_array), as __wrap_main found them. */
static void (*const *fini_start)(void), (*const *fini_end)(void);
static void (*const *fini_left)(void); /* this execution's next, + 1 */

void weft__program_fini(void (*const *start)(void), void (*const *end)(void))
{
	fini_start = start;
	fini_end = end;
}

/* The C runtime's own entry in the .fini_array (crtstuff's
 * __do_global_dtors_aux) is left out: it would finalise the C library's
 * handlers of the whole process, once, not this execution's.  Without a
 * symbol table to tell that entry from the program's, none is run. */
static void run_fini(void)
{
	uintptr_t crt;

	if (!fini_start || !weft__crt_fini(&crt))
		return;
	while (fini_left > fini_start) {
		void (*const *f)(void) = --fini_left;
		uintptr_t fn = (uintptr_t)*f;
		if (fn && fn != (uintptr_t)-1 && fn != crt)
			(*f)();
	}
}

/* ---- thread_local destructors ------------------------------------------- */

/* Per thread record: the thread's serial says which thread of which
 * execution registered them (a record is reused by later threads). */
#define MAX_TLS_DTORS 32
struct tls_dtors {
	uint64_t serial;
	int n;
	struct handler h[MAX_TLS_DTORS];
};
static struct tls_dtors *tls;

static struct tls_dtors *tls_of(int tid)
{
	struct tls_dtors *d;

	if (!tls)
		tls = weft__persistent_alloc(sizeof *tls * WEFT__MAX_THREADS);
	d = &tls[tid];
	if (d->serial != weft__thread_serial(tid)) {
		d->serial = weft__thread_serial(tid);
		d->n = 0;
	}
	return d;
}

/* The C library runs these as the thread ends, before its thread-specific
 * data destructors, and for the thread that calls exit() before the
 * atexit handlers. */
void weft__pt_run_tls_dtors(int tid)
{
	struct tls_dtors *d;

	if (tid < 0)
		return;
	d = tls_of(tid);
	while (d->n > 0) {
		struct handler h = d->h[--d->n];
		h.fn(h.arg);
	}
}

int __weft___cxa_thread_atexit(void (*fn)(void *), void *obj, void *dso)
{
	struct tls_dtors *d;

	if (!weft__pt_live())
		return __cxa_thread_atexit_impl(fn, obj, dso);
	d = tls_of(weft__self());
	if (d->n == MAX_TLS_DTORS)
		weft__limit("unsupported: thread_local", NULL,
			    "a thread built more than %d thread_local objects "
			    "with destructors", MAX_TLS_DTORS);
	d->h[d->n++] = (struct handler){ .fn = fn, .arg = obj };
	return 0;
}

void weft__pt_run_atexit(int status)
{
	exit_status = status;
	weft__pt_run_tls_dtors(weft__self());
	run(&exec);
	/* The next execution starts from the objects as main found them
	 * (their data and blocks are put back), so they are destroyed again
	 * at its end: the list stays. */
	run_kept(&premain);
	run_fini();
	weft__pt_cxx_streams_flush();
}

void weft__pt_run_quick_exit(int status)
{
	(void)status;
	run(&quick);
	run_kept(&premain_quick);
}

int __weft_atexit(void (*fn)(void))
{
	if (!weft__pt_live()) {
		add(&premain, (struct handler){ .plain = fn });
		return atexit(fn);
	}
	return add(&exec, (struct handler){ .plain = fn });
}

int __weft___cxa_atexit(void (*fn)(void *), void *arg, void *dso)
{
	if (!weft__pt_live()) {
		add(&premain, (struct handler){ .fn = fn, .arg = arg });
		return __cxa_atexit(fn, arg, dso);
	}
	if (nheld < MAX_HANDLERS)
		held[nheld++] = arg;
	return add(&exec, (struct handler){ .fn = fn, .arg = arg });
}

int __weft_on_exit(void (*fn)(int, void *), void *arg)
{
	if (!weft__pt_live()) {
		add(&premain, (struct handler){ .with_status = fn, .arg = arg });
		return on_exit(fn, arg);
	}
	if (nheld < MAX_HANDLERS)
		held[nheld++] = arg;
	return add(&exec, (struct handler){ .with_status = fn, .arg = arg });
}

void weft__pt_exit_roots(void (*root)(void *ctx, const char *lo,
				      const char *hi),
			 void *ctx)
{
	root(ctx, (const char *)held, (const char *)(held + nheld));
	for (int i = 0; i < premain.n; i++)
		root(ctx, (const char *)&premain.h[i].arg,
		     (const char *)(&premain.h[i].arg + 1));
}

int __weft_at_quick_exit(void (*fn)(void))
{
	if (!weft__pt_live()) {
		add(&premain_quick, (struct handler){ .plain = fn });
		return at_quick_exit(fn);
	}
	return add(&quick, (struct handler){ .plain = fn });
}

void weft__pthread_atexit_begin(void)
{
	exec.n = 0;
	nheld = 0;
	quick.n = 0;
	premain.left = premain.n;
	premain_quick.left = premain_quick.n;
	fini_left = fini_end;
}
