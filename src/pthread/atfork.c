/* src/pthread/atfork.c - pthread_atfork: the handlers are weft's to keep.
 *
 * Registered with the C library, the program's handlers ran at weft's
 * own forks (a worker process per test part, the addr2line helper):
 * outside any execution, as many times as weft forked (a prepare handler
 * that prints printed 729 times for one schedule), and a handler that
 * locks the program's mutex changed what the next execution found, which
 * weft then reported as "took a different path when re-run with the same
 * decisions" with no verdict (a review).  They are kept here instead and
 * run only at the program's own fork: outside an execution (fork inside
 * one is refused, process.c), prepare last registered first, then the
 * parent's or the child's in the order registered, as POSIX says.
 *
 * Handlers registered before main (a constructor) stay for every
 * execution; those an execution registers are forgotten at the next
 * execution's begin, as the restored program would not have them. */
#include <errno.h>

#include "pthread/pt.h"
#include "modelled.h"

#define MAX_ATFORK 64

static struct {
	void (*prepare)(void), (*parent)(void), (*child)(void);
} handlers[MAX_ATFORK];
static int nhandlers, npremain;

/* Never blocks; not a scheduling point (the table is the process's, and
 * only a fork, never inside an execution, reads it). */
int __weft_pthread_atfork(void (*prepare)(void), void (*parent)(void),
			  void (*child)(void))
{
	if (nhandlers == MAX_ATFORK)
		return ENOMEM;
	handlers[nhandlers].prepare = prepare;
	handlers[nhandlers].parent = parent;
	handlers[nhandlers].child = child;
	nhandlers++;
	if (!weft__pt_live())
		npremain = nhandlers;
	return 0;
}

void weft__pt_atfork_run(int phase)
{
	if (phase == WEFT__PT_ATFORK_PREPARE) {
		for (int i = nhandlers - 1; i >= 0; i--)
			if (handlers[i].prepare)
				handlers[i].prepare();
		return;
	}
	for (int i = 0; i < nhandlers; i++) {
		void (*fn)(void) = phase == WEFT__PT_ATFORK_PARENT
					   ? handlers[i].parent
					   : handlers[i].child;
		if (fn)
			fn();
	}
}

void weft__pthread_atfork_begin(void)
{
	nhandlers = npremain;
}
