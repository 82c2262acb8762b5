/* src/pthread/atexit.c - what the end of the program runs: the handlers
 * registered with atexit and __cxa_atexit (through which C++ registers
 * the destructor of each static object it constructs), the executable's
 * destructors (its .fini_array), and the at_quick_exit handlers.
 *
 * Every execution ends the program once, so each runs them, in the C
 * library's order: the handlers last registered first, the ones the
 * program registered before main (static objects built by constructors)
 * after those of the execution, then the .fini_array, last entry first.
 * Registrations made before main also go to the C library, whose exit
 * runs them once more when the worker process itself ends, as before. */
#include <stdlib.h>
#include <string.h>

#include "pthread/pt.h"
#include "modelled.h"
#include "report/report.h"

int __cxa_atexit(void (*fn)(void *), void *arg, void *dso);

struct handler {
	void (*fn)(void *);        /* __cxa_atexit's, with arg */
	void *arg;
	void (*plain)(void);       /* atexit's */
};

#define MAX_HANDLERS 256
struct handlers {
	struct handler h[MAX_HANDLERS];
	int n;
};
static struct handlers premain, exec, quick;

static int add(struct handlers *l, struct handler h)
{
	if (l->n == MAX_HANDLERS)
		return -1;
	l->h[l->n++] = h;
	return 0;
}

/* Runs l's handlers last first; each is taken off before it runs, so a
 * handler that registers another or calls exit does not run twice. */
static void run(struct handlers *l, bool keep)
{
	for (int i = l->n; i > 0;) {
		struct handler h = l->h[--i];
		if (!keep)
			l->n = i;
		if (h.plain)
			h.plain();
		else
			h.fn(h.arg);
	}
}

/* The program's own destructors (__attribute__((destructor)), the
 * executable's .fini_array), as __wrap_main found them. */
static void (*const *fini_start)(void), (*const *fini_end)(void);

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
	for (void (*const *f)(void) = fini_end; f > fini_start;) {
		uintptr_t fn = (uintptr_t)*--f;
		if (fn && fn != (uintptr_t)-1 && fn != crt)
			(*f)();
	}
}

void weft__pt_run_atexit(void)
{
	run(&exec, false);
	/* The next execution starts from the objects as main found them
	 * (their data and blocks are put back), so they are destroyed again
	 * at its end: the list stays. */
	run(&premain, true);
	run_fini();
}

void weft__pt_run_quick_exit(void)
{
	run(&quick, false);
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
	return add(&exec, (struct handler){ .fn = fn, .arg = arg });
}

int __weft_at_quick_exit(void (*fn)(void))
{
	if (!weft__pt_live())
		return at_quick_exit(fn);
	return add(&quick, (struct handler){ .plain = fn });
}

void weft__pthread_atexit_begin(void)
{
	exec.n = 0;
	quick.n = 0;
}
