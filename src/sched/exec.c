/* src/sched/exec.c - one execution of a test, from a fresh program state to
 * its verdict, and the ways an execution ends early (bug, prune). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sched.h"
#include "detect/heap.h"

const struct weft_test *weft__cur_test;

/* ---- hooks ------------------------------------------------------------ */

static struct weft__hooks *hooks;

void weft__register_hooks(struct weft__hooks *h)
{
	struct weft__hooks **p = &hooks;

	/* Keep registration order: later subsystems see earlier ones set up. */
	while (*p)
		p = &(*p)->next;
	h->next = NULL;
	*p = h;
}

/* ---- one execution ---------------------------------------------------- */

static long exec_gen;

long weft__exec_gen(void)
{
	return exec_gen;
}

void weft__exec_reset(void)
{
	struct weft__exec *X = weft__X;
	struct weft__shm *S = weft__S;
	long no = X->exec_no;

	exec_gen++;

	X->nthreads = 0;
	/* compute_enabled writes only the words this execution's threads
	 * need; the others must be empty. */
	X->enabled = X->weak = X->deferred = X->spinning = weft__ts_none();
	weft__set_running(-1);
	X->last_tid = -1;
	X->nsteps = 0;
	X->preemptions = 0;
	X->unfair = 0;
	X->spin_steps = 0;
	X->progress = false;
	X->atomic_tid = -1;
	X->atomic_depth = 0;
	X->result = EXEC_OK;
	X->pruned = false;
	X->in_epilogue = false;
	X->exec_no = no;
	S->nsteps = 0;
	S->ndec = 0;
	S->preemptions = 0;
	/* Only the last execution's threads can have left an entry. */
	if (S->nthreads > 0 && S->nthreads <= WEFT__MAX_THREADS)
		memset(S->blocked, 0, sizeof S->blocked[0] * (size_t)S->nthreads);
	else if (S->nthreads)
		memset(S->blocked, 0, sizeof S->blocked);
	S->nthreads = 0;
	S->pool_used = 0;
	S->detail_len = 0;
	S->detail[0] = 0;
	weft__exec_mem_reset();
	weft__objclock_reset();
	weft__stack_put_all();
	weft__heap_reset();
}

static void test_body(void *arg)
{
	const struct weft_test *t = arg;

	t->fn();
}

static void run_hooks(bool begin)
{
	for (struct weft__hooks *h = hooks; h; h = h->next) {
		void (*f)(void) = begin ? h->begin : h->end;
		if (f)
			f();
	}
}

enum exec_result weft__run_execution(const struct weft_test *t)
{
	struct weft__exec *X = weft__X;

	weft__globals_restore();
	weft__exec_reset();
	weft__cur_test = t;
	X->in_epilogue = true;
	if (setjmp(X->epilogue_jmp) == 0) {
		run_hooks(true);
		X->in_epilogue = false;
		weft__thread_create(test_body, (void *)t, t->name, 0, NULL);
		weft__sched_start();
	}
	if (X->result != EXEC_OK)
		return X->result;
	/* Every non-daemon thread finished: end-of-test checks. */
	X->in_epilogue = true;
	if (setjmp(X->epilogue_jmp) == 0) {
		run_hooks(false);
		weft__heap_end_check();
		weft__lockorder_end();
	}
	X->in_epilogue = false;
	return X->result;
}

void weft__sched_setup(void)
{
	weft__X = weft__persistent_alloc(sizeof *weft__X);
}

void weft__set_exec_no(long n)
{
	weft__X->exec_no = n;
}

long weft__exec_no(void)
{
	return weft__X ? weft__X->exec_no : 0;
}

/* ---- ending an execution early ---------------------------------------- */

void weft__fail_detail(const char *fmt, ...)
{
	struct weft__shm *S = weft__S;
	va_list ap;
	int room = (int)sizeof S->detail - S->detail_len;
	int n;

	if (room <= 2)
		return;
	va_start(ap, fmt);
	n = vsnprintf(S->detail + S->detail_len, (size_t)room - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (n > room - 2)
		n = room - 2;
	S->detail_len += n;
	S->detail[S->detail_len++] = '\n';
	S->detail[S->detail_len] = 0;
}

/* Record what ended the execution (a bug's kind, or a limit's reason)
 * with its message and place, and end it with result r. */
_Noreturn static void end_with(const char *kind, const struct weft_loc *loc,
			       enum exec_result r, const char *fmt, va_list ap)
{
	struct weft__shm *S = weft__S;
	char msg[900];

	vsnprintf(msg, sizeof msg, fmt, ap);
	snprintf(S->kind, sizeof S->kind, "%s", kind);
	if (loc && loc->file)
		snprintf(S->message, sizeof S->message, "%s (at %s:%d)", msg,
			 loc->file, loc->line);
	else
		snprintf(S->message, sizeof S->message, "%s", msg);
	weft__end_execution(r);
}

_Noreturn void weft__fail(const char *kind, const struct weft_loc *loc,
			  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	end_with(kind, loc, EXEC_BUG, fmt, ap);
}

_Noreturn void weft__limit(const char *reason, const struct weft_loc *loc,
			   const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	end_with(reason, loc, EXEC_LIMIT, fmt, ap);
}

/* The process ends: one step that conflicts with every other thread's
 * next step (threads that have not run by then never run), then the end
 * of the execution whatever the other threads are doing. */
static const char process_obj = 0;

_Noreturn void weft__exec_exit(int status)
{
	struct weft__exec *X = weft__X;
	struct weft__op op = { .name = "exit", .obj = &process_obj,
			       .objname = "process", .access = WEFT__ACC_WRITE,
			       .ends_process = true };

	(void)status;
	if (X && X->cur >= 0 && !X->in_epilogue)
		weft__visible(&op);
	weft__end_execution(X && X->pruned ? EXEC_PRUNED : EXEC_OK);
}

static bool never(const struct weft__op *op)
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

_Noreturn void weft__prune(void)
{
	struct weft__exec *X = weft__X;
	struct weft__op op = { .name = "assume", .ready = never,
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
	struct weft__shm *S = weft__S;
	struct weft__finding *f;

	for (int i = 0; i < S->nfindings; i++)
		if (S->findings[i].key == key &&
		    strcmp(S->findings[i].kind, kind) == 0)
			return;
	if (S->nfindings == WEFT__MAX_FINDINGS)
		return;
	f = &S->findings[S->nfindings++];
	snprintf(f->kind, sizeof f->kind, "%s", kind);
	snprintf(f->msg, sizeof f->msg, "%s", msg);
	f->key = key;
}

_Noreturn void weft__die_at(const char *file, int line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fprintf(stderr, "weft: internal error at %s:%d: %s\n", file, line,
		msg);
	fflush(stderr);
	/* In a worker, the parent reports the test as inconclusive with
	 * this message. */
	if (weft__S) {
		snprintf(weft__S->kind, sizeof weft__S->kind, "internal");
		snprintf(weft__S->message, sizeof weft__S->message,
			 "internal error at %s:%d: %s", file, line, msg);
	}
	_exit(3);
}
