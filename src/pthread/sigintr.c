/* src/pthread/sigintr.c - waits a signal handler interrupts (EINTR).
 *
 * A signal sent to the process goes to a thread that does not block it,
 * and on Linux a thread blocked in sem_wait, a sleep, pause or
 * sigsuspend takes it as well as a running one: the handler runs on it
 * and the call fails with EINTR (a sleep with the time left), whether or
 * not the handler was installed with SA_RESTART (signal(7): sem_wait,
 * the sleeps, pause and sigsuspend are never restarted).  weft left such
 * a thread out of the choice of the taker, so a loop that took EINTR
 * from sem_wait for the semaphore was verified (a review).
 *
 * Each wait that a signal ends says so around itself here
 * (weft__pt_sig_wait_enter and _leave), and the choice of the taker
 * (sigmask.c's to_process) counts such a thread in.  A blocked wait, a
 * semaphore's or pause's, ends as a cancel request ends it
 * (weft__intr_wake): it touches, as its second object, the object the
 * process's signal steps write, so the explorer orders a kill against
 * it.  A sleep runs (two steps on the virtual clock, the thread never
 * blocked): chosen between them it ends at its wake, early, and both of
 * its steps read that object for the explorer.  Only in a program that
 * sends itself signals with kill (imports.c): elsewhere nothing changes,
 * not one step.  Waits a signal does not end (a condition wait, a mutex,
 * a join) are left out of the choice still: the handler would run and
 * the wait go on, which weft does not model; the verdict's note says so
 * when it mattered. */
#include <signal.h>

#include "pthread/pt.h"
#include "modelled.h"

/* What each thread is in (WEFT__PT_INTR_*), and whether a signal
 * interrupted it. */
static uint8_t kind[WEFT__MAX_THREADS];
static bool interrupted[WEFT__MAX_THREADS];

const void *weft__pt_sig_intr_obj(void)
{
	return weft__pt_kills() ? weft__pt_sig_obj() : NULL;
}

void weft__pt_sig_wait_enter(int k)
{
	int self = weft__self();

	if (self < 0)
		return;
	kind[self] = (uint8_t)k;
	interrupted[self] = false;
	if (k == WEFT__PT_INTR_WAIT && weft__pt_kills())
		weft__cancel_point(weft__pt_sig_obj());
}

bool weft__pt_sig_wait_leave(void)
{
	int self = weft__self();
	bool was;

	if (self < 0)
		return false;
	if (kind[self] == WEFT__PT_INTR_WAIT && weft__pt_kills())
		weft__cancel_point(NULL);
	kind[self] = WEFT__PT_INTR_NONE;
	was = interrupted[self];
	interrupted[self] = false;
	weft__intr_wake(self, false);
	return was;
}

/* Whether thread t, which cannot run now, is blocked in a wait a signal
 * ends (it may take a signal sent to the process). */
bool weft__pt_sig_intr_taker(int t)
{
	return weft__pt_kills() && kind[t] == WEFT__PT_INTR_WAIT;
}

/* Thread t was chosen to take a signal with a handler: a wait it is
 * blocked in, or a sleep it is in, ends interrupted.  A wait the thread
 * can finish already (woken by a post) is not interrupted: it took what
 * it waited for, and the handler runs after it. */
void weft__pt_sig_intr_chosen(int t)
{
	if (kind[t] == WEFT__PT_INTR_SLEEP) {
		interrupted[t] = true;
	} else if (kind[t] == WEFT__PT_INTR_WAIT && weft__pt_kills() &&
		   t != weft__self() && !weft__thread_enabled(t)) {
		interrupted[t] = true;
		weft__intr_wake(t, true);
	}
}

void weft__pt_sig_intr_thread_start(int tid)
{
	kind[tid] = WEFT__PT_INTR_NONE;
	interrupted[tid] = false;
}
