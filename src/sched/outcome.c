/* src/sched/outcome.c - the other ways an execution's outcome is set:
 * a failed assumption (prune), the program's own assertions, reports and
 * choices, the non-fatal findings an execution collects, and weft's own
 * impossible states (weft__die), reported as inconclusive.  exec.c ends
 * executions with a bug or a limit. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sched.h"
#include "report/report.h"

/* The verdict note of --deadlocks=off's lock-order cycles. */
#define LOCK_ORDER_OFF_NOTE 0x4c4f434b4f524421ull

bool weft__never_ready(const struct weft__op *op)
{
	(void)op;
	return false;
}

static int assume_desc(const struct weft__op *op, char *buf, size_t n)
{
	(void)op;
	snprintf(buf, n, "nothing (an assumption failed)");
	return -1;
}

_Noreturn void weft__abandon_execution(void)
{
	weft__end_execution(EXEC_REDUNDANT);
}

_Noreturn void weft__prune(void)
{
	struct weft__exec *X = weft__X;
	struct weft__op op = { .name = "assume", .ready = weft__never_ready,
			       .waitdesc = assume_desc };

	if (!X || X->cur < 0 || X->in_epilogue)
		weft__end_execution(EXEC_PRUNED);
	X->pruned = true;
	weft__visible(&op);
	weft__die("a thread resumed after a failed assumption");
}

void weft_assert_fail(const char *expr, const struct weft_loc *loc)
{
	weft__fail(WEFT__K(ASSERTION), loc, "assertion failed: %s", expr);
}

void weft_report(const char *kind, const struct weft_loc *loc,
		 const char *fmt, ...)
{
	char msg[800];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	weft__fail(kind, loc, "%s", msg);
}

void weft_assume_at(int cond, const struct weft_loc *loc)
{
	(void)loc;
	if (!cond)
		weft__prune();
}

int weft_choose_at(int n, const struct weft_loc *loc)
{
	return weft__choose(n, NULL, loc);
}

int(weft_choose)(int n)
{
	return weft__choose(n, NULL, NULL);
}

void weft__note_finding(const char *kind, uint64_t key, const char *msg)
{
	struct weft__verdict *V = &weft__S->v;
	struct weft__finding *f;

	if (weft__opts.deadlocks_off && !strcmp(kind, WEFT__K(LOCK_ORDER))) {
		weft__verdict_note(LOCK_ORDER_OFF_NOTE,
				   "lock-order cycles were seen and not "
				   "reported (--deadlocks=off)");
		return;
	}
	for (int i = 0; i < V->nfindings; i++)
		if (V->findings[i].key == key &&
		    strcmp(V->findings[i].kind, kind) == 0)
			return;
	if (V->nfindings == WEFT__MAX_FINDINGS)
		return;
	f = &V->findings[V->nfindings++];
	snprintf(f->kind, sizeof f->kind, "%s", kind);
	snprintf(f->msg, sizeof f->msg, "%s", msg);
	f->key = key;
}

_Noreturn void weft__die_msg(const char *msg)
{
	fprintf(stderr, "weft: %s\n", msg);
	fflush(stderr);
	/* In a worker, the parent reports the test as inconclusive with
	 * this message. */
	if (weft__S) {
		snprintf(weft__S->v.kind, sizeof weft__S->v.kind, "internal");
		snprintf(weft__S->v.message, sizeof weft__S->v.message, "%s",
			 msg);
	}
	_exit(3);
}

_Noreturn void weft__die_at(const char *file, int line, const char *fmt, ...)
{
	char msg[512], full[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(full, sizeof full, "internal error at %s:%d: %s", file, line,
		 msg);
	weft__die_msg(full);
}
