/* src/sync/sync.h - helpers shared by the core synchronisation objects and
 * by the models built on them (kernel mutexes, pthread mutexes). */
#ifndef WEFT_SYNC_H
#define WEFT_SYNC_H

#include <stdio.h>

#include "internal.h"

const char *weft__mutex_name(weft_mutex_t *m);
int weft__mutex_class(weft_mutex_t *m, const struct weft_loc *loc);
/* The mutex operations with the name shown in traces ("mutex_lock",
 * "spin_lock", "pthread_mutex_lock", ...). */
void weft__mutex_lock(weft_mutex_t *m, const char *opname,
		      const struct weft_loc *loc);
int weft__mutex_trylock(weft_mutex_t *m, const char *opname,
			const struct weft_loc *loc);
void weft__mutex_unlock(weft_mutex_t *m, const char *opname,
			const struct weft_loc *loc);
void weft__mutex_check_held(weft_mutex_t *m, const char *opname,
			    const struct weft_loc *loc);
/* A thread alone giving a mutex back and taking it again (mutex_alone.c):
 * whether self's lock of m, asked before the step, takes back what it
 * released while no other thread could run, and still none can; and,
 * after self released m, the note that the release was no progress when
 * no thread could run.  Neither blocks. */
bool weft__mutex_relock_alone(const weft_mutex_t *m, int self);
void weft__mutex_unlock_alone(const weft_mutex_t *m, int self);
/* The same for a model whose mutexes are weft mutexes inside objects of
 * its own (FreeBSD's mtx): as->obj is the model's object and as->tag its
 * tag in the thread's held set (weft__held_locks), where the model finds
 * the mutexes a thread holds; as->spins marks a spin mutex.  The plain
 * forms enter the class alone. */
struct weft__mutex_as {
	const void *obj;
	const void *tag;
	bool spins;
};
void weft__mutex_lock_as(weft_mutex_t *m, const char *opname,
			 const struct weft_loc *loc,
			 const struct weft__mutex_as *as);
int weft__mutex_trylock_as(weft_mutex_t *m, const char *opname,
			   const struct weft_loc *loc,
			   const struct weft__mutex_as *as);
void weft__mutex_unlock_as(weft_mutex_t *m, const char *opname,
			   const struct weft_loc *loc,
			   const struct weft__mutex_as *as);
/* The state of a reader/writer lock, for models whose locks are built on
 * it (the Linux locks): whether an exclusive or a shared acquisition can
 * go now, taking and dropping it for the calling thread (at loc), turning
 * the caller's write hold into a read hold, and whether thread t holds it
 * for reading (read holds may nest: each counts).  None is a scheduling
 * point; the caller's step is. */
bool weft__rw_can_write(const weft_rwlock_t *l);
bool weft__rw_can_read(const weft_rwlock_t *l);
void weft__rw_take(weft_rwlock_t *l, bool write, const struct weft_loc *loc);
void weft__rw_drop(weft_rwlock_t *l, bool write);
void weft__rw_downgrade(weft_rwlock_t *l, const struct weft_loc *loc);
bool weft__rw_reads(int t, const weft_rwlock_t *l);
/* weft_rwlock_rdlock_at, where nest says whether a read lock of a thread
 * that already holds l for reading is one more hold (a POSIX rwlock that
 * prefers readers: it cannot block) instead of a self-deadlock (weft's
 * own rwlocks, a writer-preferring one).  Blocks; a scheduling point. */
void weft__rwlock_rdlock(weft_rwlock_t *l, bool nest,
			 const struct weft_loc *loc);
/* A writer-preferring lock's timed writer: queue (a step), then either
 * dequeue as timed out (a step) or take the lock, already queued.  The
 * first two never block; the last blocks until the lock is free. */
void weft__rwlock_queue_writer(weft_rwlock_t *l, const struct weft_loc *loc);
void weft__rwlock_dequeue_writer(weft_rwlock_t *l, const struct weft_loc *loc);
void weft__rwlock_wrlock_queued(weft_rwlock_t *l, const struct weft_loc *loc);
/* "mutex m held by T (taken at f:l)"; returns T's id or -1. */
int weft__lock_waitdesc(const char *what, const char *name, int owner,
			const struct weft_loc *at, char *buf, size_t n);
/* Condition wait with the names shown in traces.  Returns 0, or
 * -ETIMEDOUT when timed and the wait timed out, or -ECANCELED when a
 * cancel request ended it (at a cancellation point, weft__cancel_point;
 * the mutex is held again).  timed: 0 untimed, 1 timed, WEFT__COND_EXPIRED
 * timed with a deadline already past, which times out unless a signal
 * comes while the mutex is released, never spuriously. */
#define WEFT__COND_EXPIRED 2
int weft__cond_wait(weft_cond_t *c, weft_mutex_t *m, int timed,
		    const char *opname, const struct weft_loc *loc);
/* Signal (one waiter) or broadcast, with the name shown in traces. */
void weft__cond_wake(weft_cond_t *c, bool all, const char *opname,
		     const struct weft_loc *loc);

/* ---- lifetimes ---------------------------------------------------------- */

/* "file:line" of loc (interned), or "an unknown place". */
const char *weft__sync_site(const struct weft_loc *loc);
/* Report use-after-free when the object is in freed heap, misuse when it
 * was destroyed; opname names the operation in the message. */
void weft__mutex_check_usable(weft_mutex_t *m, const char *opname,
			      const struct weft_loc *loc);
void weft__cond_check_usable(weft_cond_t *c, const char *opname,
			     const struct weft_loc *loc);
/* Whether a live thread really holds m (not stale bytes of memory that
 * was never initialised). */
bool weft__mutex_held(const weft_mutex_t *m);
/* Destroy c: a scheduling point; misuse while a thread is blocked on it
 * or when it was destroyed already. */
void weft__cond_destroy(weft_cond_t *c, const char *opname,
			const struct weft_loc *loc);
/* A live thread blocked waiting on c (not yet woken), or -1. */
int weft__cond_waiter(const weft_cond_t *c);
/* sem_wait at a cancellation point: 0 once a count was taken, or
 * -ECANCELED when a cancel request ended the wait (weft__cancel_point).
 * Blocks. */
int weft__sem_wait_at(weft_sem_t *s, const struct weft_loc *loc);
/* A live thread blocked in a wait on semaphore s, or -1. */
int weft__sem_waiter(const weft_sem_t *s);
/* The parts of a wait on s that other waits share (the kernel models'
 * interruptible downs): before its step, the use of s checked and the
 * wait put in the lock-order graph under s's class (named name); once a
 * count is there after the step, taking it, which orders the post that
 * gave it before the caller.  Neither blocks. */
void weft__sem_wait_begin(weft_sem_t *s, const char *name,
			  const struct weft_loc *loc);
void weft__sem_take(weft_sem_t *s);
/* A live thread inside a condition wait that released m and will take it
 * again, or -1; *c is set to the condition variable it waits on. */
int weft__cond_waiter_with(const weft_mutex_t *m, const weft_cond_t **c);

#endif
