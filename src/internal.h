/* src/internal.h - weft's internal interface, shared by every subsystem.
 *
 * The model of execution: test threads are fibers.  Each thread runs its own
 * code freely until it reaches a *visible operation* (lock, unlock, wait,
 * atomic access, queue_work, ...).  There it describes the operation in a
 * struct weft__op and calls weft__visible(), which is the scheduling point:
 * the explorer may run other threads first, and returns only when this
 * thread has been chosen and its operation is enabled.  The caller then
 * performs the operation's effect directly on the object, with no other
 * thread running, and continues.
 *
 * Blocking is expressed by readiness, not by queues: an operation with a
 * ready() callback is enabled only when ready() returns true, and the
 * explorer never chooses a disabled operation.  ready() must read only the
 * state of op->obj (or state that every operation which changes it touches
 * through the same obj), so that partial-order reduction sees the
 * dependence between the waiter and the thread that unblocks it.
 *
 * State rules (important for every subsystem):
 *  - The program's writable data (.data/.bss of the executable) is restored
 *    to its start-up contents before each execution.  weft itself is the
 *    shared library libweft.so, so weft's own statics are NOT restored:
 *    they persist across executions, and per-execution state in them must
 *    be reset explicitly (a begin hook, or by comparing weft__exec_no()).
 *    weft__persistent_alloc() is for large persistent tables.
 *  - Per-execution scratch memory comes from weft__exec_alloc(); it is
 *    released wholesale when the execution ends.
 *  - Strings shown in reports must outlive the worker process: string
 *    literals, or copies made with weft__intern().
 */
#ifndef WEFT_INTERNAL_H
#define WEFT_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <weft/weft.h>

#include "kinds.h"

/* An internal function on a hot path that only weft's own library calls:
 * hidden from the program, so that calls to it inside the shared library
 * are direct instead of going through the procedure linkage table. */
#define WEFT__HIDDEN __attribute__((visibility("hidden")))

/* WEFT__MAX_THREADS, the threads alive at once, and sets of them. */
#include "tset.h"

/* ---- errors ---------------------------------------------------------- */

/* weft's own impossible state: print file, line and message, exit 3. */
/* weft__die's end for a message said as it is (a limit of the machine
 * rather than weft's error): on stderr and, in a worker, as the test's
 * inconclusive reason; exit status 3.  Does not return. */
_Noreturn void weft__die_msg(const char *msg);
_Noreturn void weft__die_at(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
#define weft__die(...) weft__die_at(__FILE__, __LINE__, __VA_ARGS__)
#define WEFT__CHECK(c)                                                        \
	((c) ? (void)0 : weft__die("internal check failed: %s", #c))
/* A crash of weft's own, on purpose, for the test of how one is reported
 * (tests/cli/self_crash.sh): WEFT_DEBUG_SELF_CRASH=setup crashes the
 * worker before the first execution, =spawn at a test thread's spawn, on
 * its stack; weft__debug_crash_here(where) crashes when where is the one
 * asked for (WEFT__SELF_CRASH_*). */
enum { WEFT__SELF_CRASH_NONE, WEFT__SELF_CRASH_SETUP, WEFT__SELF_CRASH_SPAWN };
extern int weft__debug_self_crash;
void weft__debug_crash_here(int where);

/* The visible operation: how a model describes a step (op.h). */
#include "op.h"

/* ---- threads --------------------------------------------------------- */

enum {
	WEFT__THREAD_DAEMON = 1, /* may stay blocked at the end of a test
				    without that being a deadlock (workers,
				    softclock threads) */
	WEFT__THREAD_END_CHECKED = 2, /* a daemon the end-of-test checks
				    look at (a kthread never stopped): the
				    test's end races with its last step */
	WEFT__THREAD_SYSTEM = 4, /* a thread the system has before the test
				    (a worker pool's, a timer's, softclock):
				    made when first needed, by whichever
				    thread needed it, whose steps before are
				    not ordered before it for that */
	WEFT__THREAD_AWAITED = 8, /* its spawner waits for its start step:
				    a thread the system had before the test,
				    or one that sleeps once made (a kthread),
				    whose start is weft's own step, so going
				    back to the spawner after it is no
				    preemption */
};

/* Create a thread running fn(arg).  name (a literal or interned string)
 * heads its trace column.  This is itself a visible operation. */
int weft__spawn(void (*fn)(void *), void *arg, const char *name,
		unsigned flags, const struct weft_loc *loc);
/* weft__spawn whose spawn step releases token and whose start step reads
 * it (from a set-up hook: no steps), so that an operation of the spawner's
 * on token depends on the thread's start. */
int weft__spawn_on(void (*fn)(void *), void *arg, const char *name,
		   unsigned flags, const void *token,
		   const struct weft_loc *loc);
/* weft__spawn_on of a thread the system has (WEFT__THREAD_SYSTEM), named
 * across executions by role, what it serves (the address of its timer,
 * its queue plus its slot), unique among the execution's threads. */
int weft__spawn_system(void (*fn)(void *), void *arg, const char *name,
		       unsigned flags, const void *token, uintptr_t role,
		       const struct weft_loc *loc);
int weft__self(void);
const char *weft__thread_name(int id);
bool weft__thread_done(int id);
/* Order everything the ended threads of this execution did before thread
 * self's next steps (both clocks), as joining each of them would: the
 * process's end after main's pthread_exit, whose exit handlers run after
 * glibc's full-barrier count of the ending threads (thread.c). */
void weft__join_ended(int self);
/* Whether thread id's pending operation can run now (sched.c). */
bool weft__thread_enabled(int id);
/* The running thread goes to sleep until weft__sched_wake(mask) (a
 * model's event: a work queued where an idle worker waits): the caller
 * promises that the ready() of the op it passes to weft__visible next
 * says no until then, so the scheduler does not ask it at every step.
 * Its bit is added to *mask, which the wake empties; a thread beyond the
 * first 64 is asked as usual (slow.c). */
void weft__sched_sleep(unsigned long long *mask);
void weft__sched_wake(unsigned long long *mask);
/* Whether a thread other than self could take a step now (thread_info.c):
 * with none, a scheduling point offers no choice. */
bool weft__other_can_run(int self);
/* A daemon thread (WEFT__THREAD_DAEMON): the test may end while it runs. */
bool weft__thread_daemon(int id);
/* The WEFT__THREAD_* flags of thread id; a model adds some after the
 * thread's creation (weft__thread_add_flags). */
unsigned weft__thread_flags(int id);
void weft__thread_add_flags(int id, unsigned flags);
void weft__thread_clear_flags(int id, unsigned flags);
/* The thread now in record id, told apart from every other thread of
 * every execution (records are reused): per-thread state a model keeps in
 * its own table is stale when the serial it was written under differs. */
uint64_t weft__thread_serial(int id);
/* The thread in record id named the same way in every execution of this
 * process: by its creation path, its creator's key and its rank among
 * the creator's children (thread_key.c).  Partial-order reduction names
 * threads by key wherever it keeps steps from one execution to the next.
 * of_key: the record holding key's thread in this execution, or -1. */
int weft__thread_key(int id);
int weft__thread_of_key(int key);
/* The steps taken in this execution before record id's thread was created
 * (0: made before the first step, as the test's body): before that step
 * the record was free or held a thread that had ended. */
long weft__thread_born(int id);
/* weft_join_at at a cancellation point (weft__cancel_point): true once
 * the thread was joined, false when a cancel request ended the wait.
 * Blocks. */
bool weft__join_at(weft_thread_t th, const struct weft_loc *loc);
/* A join that does not wait (pthread_tryjoin_np): a read of thread id's
 * record, which its exit writes, so the explorer also tries the order in
 * which the thread ends first.  True (joined, all it did ordered before
 * the caller) when it had ended.  name, a literal, names the step. */
bool weft__try_join_at(int id, const char *name, const struct weft_loc *loc);
/* The race detector saw a thread access bytes another thread had accessed
 * in this execution (shared.c: the note on a clean verdict of a program
 * whose threads were never seen sharing anything). */
void weft__saw_shared(void);
int weft__nthreads(void);
/* The test threads of the execution that have not finished. */
int weft__live_threads(void);
/* The memory live thread tid may keep pointers in, for the leak check:
 * the live part of its stack (NULL: none), its saved registers, its TLS
 * thread pointer (NULL: no own block), and its start argument (which a
 * thread not yet started holds nowhere else); false when tid is not live.
 * weft__in_dead_stack: whether p is dead memory of a thread, and the
 * thread's *name: its stack (*kind WEFT__DEAD_STACK) or __thread
 * variables (WEFT__DEAD_TLS) or errno (WEFT__DEAD_ERRNO) once it
 * finished, or, for another thread than the one that owns it, the frames
 * main left when it returned while the process went on
 * (WEFT__DEAD_RETURNED: exit handlers run below them, other threads may
 * still run; weft__stack_frames_ended). */
enum { WEFT__DEAD_STACK, WEFT__DEAD_TLS, WEFT__DEAD_RETURNED,
       WEFT__DEAD_ERRNO };
bool weft__in_dead_stack(const void *p, const char **name, int *kind);
/* The calling thread's frames below hi have returned for good (main
 * returned; the thread goes on with exit handlers below hi): another
 * thread's access there is a use of its dead locals.  Until the
 * execution ends. */
void weft__stack_frames_ended(const void *hi);
/* Whether p is in a test thread's stack (stack.c), or in the program's
 * static data, the writable segments restored before each execution
 * (globals.c): memory no allocator handed out. */
bool weft__in_fiber_stack(const void *p);
bool weft__in_static_data(const void *p);
extern const char *weft__dead_lo, *weft__dead_hi; /* its filter's span */
/* Widen that span to [lo, hi), for the rest of the execution: memory the
 * race detector's checks of dead memory must see (a returned frame). */
void weft__span_dead(const char *lo, const char *hi);
/* A thread created by the caller with a start argument p (the program's):
 * when p points into a frame of the caller's stack, the frame is watched
 * (src/detect/race_frame_args.c): receiver's use of it after the frame's
 * call returned is a use-after-free.  Does not block. */
void weft__frame_arg_escape(const void *p, int receiver);
struct weft__thread_mem {
	const char *stack_lo, *stack_hi, *regs_lo, *regs_hi, *tp;
	const void *arg;
};
bool weft__thread_mem(int tid, struct weft__thread_mem *m);
/* Thread tid (not yet run) was given a stack of the size the program
 * asked for (pthread_attr_setstacksize) plus room for weft's own frames:
 * an access of the program's code below the size asked for is a stack
 * overflow (point.c).  Does not block. */
void weft__stack_asked(int tid, size_t asked);
/* The running thread enters (on) or leaves a seqlock read section: while
 * inside, its plain accesses are as under weft_race_ignore_begin, one
 * level however many read_seqbegin calls came without a retry (a section
 * left by an early return is one level, ended by the next retry).  Does
 * not block. */
void weft__seq_section(bool on);
/* The location of the operation thread id is blocked at (or NULL). */
const struct weft__op *weft__thread_pending(int id);

/* ---- findings -------------------------------------------------------- */

/* Report a bug of a kind of src/kinds.def (WEFT__K(MISUSE), ...; or the
 * program's own, from weft_report) at loc and end the execution.  The
 * message is one line; weft__fail_detail adds further lines first. */
_Noreturn void weft__fail(const char *kind, const struct weft_loc *loc,
			  const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The next weft__fail is about the running thread's call op (abort(),
 * exit(3)): drawn after its last step, "[here]".  Does not block. */
void weft__fail_call(const char *op);
/* Keep thread tid's pending (blocked) operation for the report (the op
 * lives on the thread's stack, which the parent cannot read). */
void weft__note_blocked(int tid);
/* No thread can run: a deadlock of the blocked threads and their cycle of
 * waits (detect/deadlock.c), or inconclusive when a waitdesc called
 * weft__wait_on_bound (a wait held back by a bound of weft's).  Never
 * returns.  At the process's exit, threads left waiting for each other's
 * locks are a lock-order finding (weft__exit_wait_cycle). */
_Noreturn void weft__deadlock_report(void);
/* The calling thread enters (on) or leaves (off) the untimed wait of a
 * timed wait's branch that does not time out (sem_timedwait, a timed
 * lock or join: the models choose at the call whether it times out).
 * When no thread can run while one is inside, the execution is not a
 * deadlock but infeasible: the real wait would time out, which the
 * other branch explores; it ends as redundant.  Does not block. */
void weft__timed_wait(bool on);
/* Cancellation of pthreads (src/pthread/cancel.c), for the waits that
 * are cancellation points (a condition, a semaphore, a join).  While
 * weft__cancel_point(obj) is set for the calling thread, its wait also
 * touches obj (the object a pthread_cancel of the thread writes), so the
 * explorer orders the two, and the wait ends as soon as
 * weft__cancel_wake(tid, true) marked a cancel request the thread acts
 * on: the wait then returns -ECANCELED (its condition's mutex taken
 * back) and the caller acts on the request.  NULL ends the point.
 * weft__cancel_obj and weft__cancel_wakes ask.  None of them blocks. */
void weft__cancel_point(const void *obj);
void weft__cancel_wake(int tid, bool on);
const void *weft__cancel_obj(void);
bool weft__cancel_wakes(int tid);
/* A signal sent to the process interrupts the wait of thread tid, one
 * the pthread layer says a signal ends (sem_wait, pause: sigmask.c):
 * weft__intr_wake(tid, true) ends it as a cancel request would (the
 * wait returns -ECANCELED, weft__cancel_wakes says yes), and the layer
 * clears it once the wait is over.  weft__cancel_requested says whether
 * a cancel request (not a signal) ends the thread's wait.  Neither
 * blocks. */
void weft__intr_wake(int tid, bool on);
bool weft__cancel_requested(int tid);
/* A note on the calling thread's wait (NULL: none, as again once the
 * wait is over), shown after what the thread waits for should a deadlock
 * report describe it: a timed wait the pthread layer takes as untimed,
 * its deadline too far off to come, says how far (detect/deadlock.c).
 * note must outlive the execution's waits (interned).  Does not block. */
void weft__wait_note(const char *note);
/* While a deadlock report describes a blocked thread (its op's
 * waitdesc runs), weft__wait_described() is its id (-1 otherwise), and
 * the waitdesc of a
 * wait for a call no one has made yet (complete(), wake_up()) may name
 * the thread tid that would make it, with weft__wait_via: an edge of the
 * waits-for graph drawn in the cycle as "waiter -> via -> tid" (via, the
 * object, interned or static), that the waitdesc's result, kept -1, does
 * not give the scheduler's other readers (src/sched/slow.c).  Elsewhere
 * weft__wait_via does nothing.  weft__wake_site_in finds the call site
 * of a complete()/wake_up() (family: part of the call's name, "wake_up"
 * for swake_up_one too) of an object named name in function func, on a
 * line after line after; weft__wake_site_of_thread one in thread t's
 * functions, after the lines it is at (detect/wakers.c).  None of them
 * blocks. */
int weft__wait_described(void);
void weft__wait_via(int tid, const char *via);
const struct weft_wake_site *weft__wake_site_in(const char *func,
						int after,
						const char *family,
						const char *name);
const struct weft_wake_site *weft__wake_site_of_thread(int t,
						       const char *family,
						       const char *name);
/* Whether the calling thread is inside such an untimed wait: a lock it
 * takes there adds no lock-order edge, as a trylock's, since the real
 * wait gives up at its deadline and cannot deadlock. */
bool weft__in_timed_wait(void);
void weft__wait_on_bound(void);
/* A bound of weft's held an event back in this execution (a timer that
 * re-armed itself past its cap no longer fires): a deadlock or livelock
 * found after it may be the bound's, and is inconclusive
 * (timer-refire-bound), not a bug.  weft__bound_was_held asks.  Neither
 * blocks. */
void weft__bound_held(void);
bool weft__bound_was_held(void);
/* The program installed (caught) or removed a handler for sig, a signal
 * that comes from outside the process (a user's Ctrl-C, a kill by a
 * service manager); weft__signal_sent says the program sent sig itself.
 * Once every thread spins, as in a loop that waits for such a signal
 * (`while (!stop) sleep(1)`), the scheduler sends it, where a livelock
 * would be reported: deliver(sig) runs on the next thread to take a
 * step, in its context, and may block as any call of the program's
 * does.  Neither function blocks. */
void weft__signal_handled(int sig, bool caught, void (*deliver)(int sig));
void weft__signal_sent(int sig);
/* A signal sent to the process was given to a thread other than the
 * sender, which runs its handler at the end of its next step: while due
 * holds, deliver() is called at the end of every step, on the thread
 * whose step ended, until it calls weft__signal_due(false, ...).  Does
 * not block. */
void weft__signal_due(bool due, void (*deliver)(void));
void weft__exit_wait_cycle(void);
void weft__fail_detail(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* A statement the verdict rests on, such as the values a nondeterministic
 * input was drawn from: listed with every verdict of the test ("note:"
 * in text, "notes" in JSON), once per key however many executions make
 * it.  Decides nothing; does not block. */
void weft__verdict_note(uint64_t key, const char *msg);
/* The note's key when a search ran again with --starve-bound on
 * (explore/loop.c), and that bound: the replay command carries it. */
#define WEFT__AUTO_STARVE_NOTE 0x5354415256454e54ull
#define WEFT__AUTO_STARVE 1000
/* Whether the note of key is there already (to skip building its text). */
bool weft__verdict_noted(uint64_t key);
/* An input was drawn from a sample of its values, not all of them: a
 * verdict then names that bound (the notes say which values). */
void weft__verdict_inputs_sampled(void);
/* Which sample the SV-COMP nondet values come from: 0, the boundary
 * values; 1, the wider sets a search takes again when every execution of
 * the first failed an assumption (loop.c sets it, verifier.c reads it). */
extern int weft__nondet_wide;
/* Some nondet value of a type with a wider set was drawn (an integer). */
extern int weft__nondet_widenable;
/* A thread could have woken spuriously, or failed a weak compare-exchange
 * spuriously, once more than weft's budget of one per thread and
 * execution allows: the verdict names that bound, and the note of key
 * (msg) says what is not covered.  Does not block. */
void weft__verdict_spurious_capped(uint64_t key, const char *msg);
/* The keys of the notes that a condition wait's and a futex wait's one
 * spurious wakeup was spent (sync/cond.c, pthread/futex.c): a search
 * explored such wakeups when either is there (explore/strategy.c). */
#define WEFT__NOTE_COND_WAKEUP 0x434f4e4457414b45ull
#define WEFT__NOTE_FUTEX_WAKEUP 0x4655545857414b45ull
/* The bits of a verdict's unexplored (src/unexplored.def). */
enum {
#define UNEXPLORED(id, name, clause) WEFT__UNEXPLORED_##id##_BIT,
#include "unexplored.def"
#undef UNEXPLORED
};
#define WEFT__UNEXPLORED(id) (1u << WEFT__UNEXPLORED_##id##_BIT)
/* Something the weak-memory model does not explore mattered: bit is a
 * WEFT__UNEXPLORED(ID) of src/unexplored.def, said on the verdict line,
 * and the note of key (msg) names the program's accesses.  Does not
 * block. */
void weft__verdict_unexplored(unsigned bit, uint64_t key, const char *msg);
/* The program seeded its random numbers, how ("seeded its random
 * numbers", ...) with call ("srand(1700000000)") at loc: a seed from the
 * clock or the process id is the same in every execution (weft's are),
 * so the verdict covers its numbers only: inputs sampled, and a note
 * (one per key).  Does not block. */
void weft__verdict_seeded(uint64_t key, const char *how, const char *call,
			  const struct weft_loc *loc);
/* A load was kept from reading an older store by --stale-bound: the
 * verdict holds within that bound only. */
void weft__verdict_stale_cut(void);

/* A limit of weft, not a bug of the program, ended the execution: reason
 * is one of "step-limit", "thread-limit", "memory-limit", "time-limit",
 * "unsupported: NAME", "internal" (a literal or interned string).  The
 * exploration goes on; if it finds no bug, the verdict is inconclusive
 * with this reason, never verified. */
_Noreturn void weft__limit(const char *reason, const struct weft_loc *loc,
			   const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Prune the current execution: neither bug nor pass (assume(false)).
 * The calling thread stops for good (its path is infeasible); the others
 * go on, so that their steps are still analysed and a bug they reach
 * independently of the pruned path is still reported, and the execution
 * ends as pruned when nothing else can run. */
_Noreturn void weft__prune(void);
/* End the current execution unfinished, neither bug nor pass (counted as
 * redundant): its scheduling points changed in the middle of it (a spin's
 * site was learnt), and the search goes on from executions that have
 * them from their start, which replay tokens can carry. */
_Noreturn void weft__abandon_execution(void);

/* A non-fatal finding (a potential deadlock from the lock-order graph):
 * reported with the test's result, exploration goes on.  key dedups
 * findings across executions. */
void weft__note_finding(const char *kind, uint64_t key, const char *msg);

/* Copy s into memory the report printer can read after the worker exits.
 * The copy is valid until the current execution ends (the pool is rewound
 * for the next one): use it for names shown in this execution's trace, and
 * keep names that must survive executions in persistent memory. */
const char *weft__intern(const char *s);
const char *weft__internf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
/* name, sep and the decimal n, interned (a long name is cut, never n). */
const char *weft__intern_numbered(const char *name, char sep, size_t n);

/* A path's last component, as reports show files (NULL stays NULL). */
const char *weft__file_base(const char *path);
/* A location in the report pool (valid for this execution's trace). */
const struct weft_loc *weft__intern_loc(const char *file, int line,
					const char *func);
/* A copy of *l the report printer can read, valid for the rest of the
 * worker's life (every later execution's trace may point to it), or NULL
 * when there is no room (or no worker).  weft__locs_reset empties the
 * room as a worker starts and advances weft__locs_gen, so that a table
 * of the copies made before (one inherited from the parent) is seen to
 * be stale. */
const struct weft_loc *weft__keep_loc(const struct weft_loc *l);
void weft__locs_reset(void);
extern uint64_t weft__locs_gen;

/* The set of scheduling points grew (a data race made an access site a
 * scheduling point): exhaustive exploration restarts from the root, since
 * the decision tree explored so far no longer describes the program.  The
 * set only grows, so this happens finitely often. */
void weft__points_changed(void);
/* The partial-order identity (weft__op.obj) of an access of n bytes at a
 * that may overlap others of other sizes (atomics, volatile and the
 * kernel's marked accesses, a futex word): a itself, or the base of its
 * 16-byte block once accesses there overlap at different offsets or sizes
 * (src/tsan/overlap.c; the search then starts again).  n == 0 adds no
 * form and only looks the block up (an annotation's address).  Not a
 * scheduling point. */
const void *weft__por_obj(const volatile void *a, unsigned n);

/* A readable name for an object at addr: the symbol of a static object
 * ("rtnl_mutex", "priv+16"), or "kind@0x..." for heap objects. */
const char *weft__objname(const void *addr, const char *kind);
/* The same for an object of size bytes: an element of a static array of
 * such objects is named by its index ("chopstick[1]", not
 * "chopstick+40"). */
const char *weft__objname_of(const void *addr, size_t size, const char *kind);

/* ---- memory ---------------------------------------------------------- */

void *weft__persistent_alloc(size_t n); /* zeroed, lives for the process */
/* weft stops (exit status 3, inconclusive) because the kernel refused to
 * reserve address space for what (bytes; 0 unknown): the message names
 * the likely cause, an address-space limit (ulimit -v) or valgrind. */
_Noreturn void weft__die_reserve_at(const char *file, int line,
				    const char *what, size_t bytes);
#define weft__die_reserve(what, bytes) \
	weft__die_reserve_at(__FILE__, __LINE__, what, bytes)
void *weft__exec_alloc(size_t n);       /* zeroed, lives for one execution */
void *weft__exec_alloc_raw(size_t n);   /* the same, not zeroed */

/* Tracked heap (see weft/alloc.h).  what names the allocator in reports
 * ("kmalloc"). */
void *weft__malloc(size_t n, bool zero, const char *what,
		   const struct weft_loc *loc);
/* Whether the allocation that may fail which the calling thread makes
 * now (a kernel allocation that does not sleep, named by what, e.g.
 * "kmalloc(GFP_ATOMIC)", a literal or interned) fails: an explored
 * choice, a step of its own, by default (--alloc-fail=nowait), at most
 * once per thread and execution; never under --alloc-fail=none, outside
 * a test thread, or in a lone spinner's step.  The verdict names what it
 * left out.  May block (a scheduling point). */
bool weft__alloc_fails(const char *what, const struct weft_loc *loc);
/* The program's part of block base is n bytes at p, inside it (an
 * aligned allocation: the block has room to align p): the bytes past
 * p + n, from the next 16-byte granule on, are in no block. */
void weft__heap_trim(void *base, const void *p, size_t n);
void weft__free(void *p, const char *what, const struct weft_loc *loc);
/* weft__free plus a scheduling point: the free is a write of the whole
 * block, dependent with every operation on memory inside it (each such
 * operation is also a use of its block), so the explorer can order a free
 * before any access.  Use this for frees made by the code under test. */
void weft__free_step(void *p, const char *what, const struct weft_loc *loc);
/* weft__free_step for the program's call at return address ra (libc's
 * free, C++'s delete): the racing site is ra itself, the same code address
 * in every execution and, as an offset into the executable, in every
 * process, so replay tokens carry it (src/detect/race_report.c). */
void weft__free_step_ra(void *p, const char *what, uintptr_t ra);
/* The start of the tracked block (live or freed) containing p, or NULL. */
const void *weft__heap_block_start(const void *p);
/* Whether p lies in a tracked block that was freed (a model's object,
 * a timer or a callout, left in freed memory).  Does not block. */
bool weft__heap_freed(const void *p);
/* The live tracked block containing p: its start, and its size in *n; NULL
 * when p is in no live block.  The one way a model asks the heap for a
 * block's base and size.  Does not block. */
const void *weft__heap_live_block(const void *p, size_t *n);
/* Returns true when p is inside a live tracked block (or untracked
 * memory); reports use-after-free (fatal) when it is in a freed block. */
void weft__check_access(const void *p, size_t n, bool write,
			const struct weft_loc *loc);
/* A kernel model's object of n bytes at p begins its life (declared or
 * set up): in the calling thread's stack, it dies when the call whose
 * frame holds it returns (a use-after-free then when busy, if given,
 * says what still uses it: "work W is still pending"), and
 * weft__frame_obj_check reports a model's use of it after that as
 * use-after-free, when p is where a dead object of that kind began
 * (kind: a tag the model chose, the address of a constant of its own;
 * NULL: any kind, for a work or timer, whose uses all check their
 * memory first);
 * weft__frame_obj_dead tells whether p is where a dead object began
 * (src/detect/race_frames.c, part of the race detector, which the
 * kernel models come with).  None blocks. */
void weft__frame_obj_init(const void *p, size_t n, const void *kind,
			  const char *(*busy)(const void *obj),
			  const struct weft_loc *loc);
void weft__frame_obj_check(const void *p, const void *kind, bool write,
			   const struct weft_loc *loc);
/* The dead objects of the execution (race_frames.c): the models' checks
 * cost one test while there is none (nearly always). */
extern WEFT__HIDDEN int weft__frames_ndead;
static inline void weft__frame_obj_use(const void *p, const void *kind,
				       bool write, const struct weft_loc *loc)
{
	if (__builtin_expect(weft__frames_ndead, 0))
		weft__frame_obj_check(p, kind, write, loc);
}
bool weft__frame_obj_dead(const void *p);
/* The object that began at p ends here (its scope closed). */
void weft__frame_obj_end(const void *p);
bool weft__is_tracked(const void *p);
/* A model's own atomic access to the program's memory (the pointer that
 * rcu_assign_pointer publishes and rcu_dereference loads, an atomic_t's
 * counter, a bitmap's word), told to the race detector after the step
 * that made it: it never races with another atomic access, but a plain
 * access of the same bytes that is not ordered with it does (a pointer
 * read without rcu_dereference, a flags word set with __set_bit beside
 * set_bit).  loc is the program's call.  Does not block. */
void weft__race_model_access(const void *p, size_t n, bool write,
			     const struct weft_loc *loc);
/* A model's plain store over n bytes of the program's memory (an init
 * of a kernel object, src/linux/obj_init.c), told to the race detector
 * before the step that makes it: it races with every access of those
 * bytes, atomic or not, that nothing orders before it.  pc is the
 * program's call (a return address, symbolised as an instrumented
 * access's; 0: nothing is told).  Does not block, except at a racing
 * site, where it may be a scheduling point as a plain store is. */
void weft__race_model_store(const void *p, size_t n, uintptr_t pc);

/* The same as an inline test for the race detector's fast path: the
 * tracked heap's used range, kept by heap.c (empty before its first use). */
extern const char *weft__heap_lo, *weft__heap_hi;
static inline bool weft__in_tracked_heap(const void *p)
{
	return (const char *)p >= weft__heap_lo &&
	       (const char *)p < weft__heap_hi;
}
/* An atomic operation stored, loaded or compared v, which may be the
 * address of a block on the tracked heap: if its block is freed and an
 * allocation of its size follows, the verdict says that a real
 * allocator's reuse of the address is not explored
 * (src/detect/heap_reuse.c).  Outside the heap, a test of its range. */
void weft__heap_published(const void *p);
static inline void weft__atomic_holds(uintptr_t v)
{
	if (weft__in_tracked_heap((const void *)v))
		weft__heap_published((const void *)v);
}

/* Whether the step being taken is a round of a spin run alone, which is
 * not recorded (sched.c): no decision, trace row or explorer event. */
extern bool weft__lone_step;
/* A read of a virtual clock (the pthread clock, the kernel's jiffies):
 * the nanoseconds it passes when the reading thread spins alone or every
 * runnable thread spins, a millisecond, and once a spin has used up its
 * rounds a jump of ten years (a spin that reads the clock may wait for a
 * deadline further off than its rounds reach); 0 elsewhere, where each
 * clock keeps its own pace (livelock.c).  Not a scheduling point. */
long long weft__lone_clock_read(void);

/* ---- listeners of an execution --------------------------------------- */

/* Who hears of each execution's begin, steps and end, in one order: the
 * list src/listeners.def, which says what each event means.  Listeners of
 * parts a build may leave out are weak: unlinked, they are skipped. */
#define WEFT__ON_BEGIN(f) void f(void);
#define WEFT__ON_BEGIN_OPT(f) __attribute__((weak)) void f(void);
#define WEFT__ON_CHOSEN(f) void f(int tid, const struct weft__op *op);
#define WEFT__ON_STEP(f) void f(int tid, const struct weft__op *op);
#define WEFT__ON_END(f) void f(void);
#define WEFT__ON_END_OPT(f) __attribute__((weak)) void f(void);
#define WEFT__ON_DONE_OPT(f) __attribute__((weak)) void f(void);
#include "listeners.def"

/* ---- lock-order graph: src/lockgraph.h --------------------------------- */

#include "lockgraph.h"

/* ---- happens-before ---------------------------------------------------- */

/* Every visible operation advances its thread's vector clock.  An
 * operation that acquires (every non-atomic one, and atomics with acquire
 * or stronger order) joins the release clock of its object; one that
 * releases (every non-atomic write, atomics with release or stronger
 * order) leaves its clock there.  So unlock->lock, release store->acquire
 * load, complete->wait, queue_work->work runs, thread exit->join all order
 * their threads, and relaxed atomics order nothing, as in ThreadSanitizer.
 * The race detector checks plain accesses against these clocks.  A clock
 * has weft__nthreads() meaningful entries. */
typedef uint32_t weft__vclock[WEFT__MAX_THREADS];
const uint32_t *weft__vc(int tid);
/* Join clock c (n entries) into thread tid's: an acquire of what c saw.
 * weft__vc_tick starts a new epoch of tid's own, as a step does: a release
 * outside a step (a fence) snapshots the clock after it, so that the
 * accesses made before are ordered before what acquires the snapshot. */
void weft__vc_acquire(int tid, const uint32_t *c, int n);
void weft__vc_tick(int tid);
/* A release fence of thread tid for the writes marked
 * WEFT__ORDER_FENCED (op.h) it makes after it, until its next one.  Not a
 * scheduling point; does not block. */
void weft__clock_fence_release(int tid);
/* Thread tid's step just taken was also a seq_cst fence
 * (WEFT__ORDER_SC_FENCE, op.h), whose effect its model applied: for the
 * race analysis it wrote the fences' object, as a fence's own step
 * does, ordering no clock.  Called before the thread's next step; does
 * not block. */
void weft__clock_sc_fence(int tid);
/* The last WEFT__ORDER_FENCED write of thread tid in this execution made
 * with no release fence before it, if it came at or after tid's epoch
 * after (its name and place): what a data race's report names as the
 * write that orders nothing. */
bool weft__clock_unfenced(int tid, uint32_t after, const char **name,
			  const struct weft_loc **loc);
/* The release clock the operations of the core and the models left on
 * obj (*c, with the returned number of entries; 0: none). */
int weft__release_clock(const void *obj, const uint32_t **c);
/* The running test thread as the race detector sees it, set wherever the
 * running thread changes (weft__set_running), so that the question below
 * is a few loads from one cache line instead of a call. */
struct weft__running {
	const uint32_t *vc;       /* its clock; NULL when no test thread runs
				     (tid < 0), or while it ignores its
				     accesses (weft_race_ignore_begin) */
	const char *stack_lo, *stack_hi; /* its stack (empty if it has none) */
	/* The bottom of its stack, below the size the program asked for,
	 * where only weft's frames may be (empty if it asked for none). */
	const char *beyond_lo, *beyond_hi;
	size_t stack_asked;
	bool *progress;           /* the execution's note that a step wrote */
	const bool *spin_any;     /* some thread may be spinning */
	int tid;
};
extern WEFT__HIDDEN struct weft__running weft__running;
/* A plain write within one aligned word at addr while some thread may be
 * spinning: progress only if the word's value differs at the next
 * scheduling point (point.c). */
void weft__note_write(const void *addr);
/* Decide those writes now, before memory goes away (munmap). */
void weft__writes_flush(void);
/* Steps taken in this process, all executions together: the race
 * detector's watchdog (race_stall.c) reads it from its own thread. */
extern WEFT__HIDDEN unsigned long weft__step_clock;
/* The race detector's one question to the scheduler per memory access: the
 * current thread in *tid and its clock (NULL outside a test thread), and
 * for a write the note that something changed as weft__note_progress
 * does, except that a write to the thread's own stack (a loop counter, a
 * local reset before a retry) is no progress other threads could see.
 * While some thread may be spinning, a write within one aligned word
 * (word) is progress only if it changed the word: a poll loop that
 * caches the value it polls in a global (rigtorp's SPSCQueue) stored the
 * same value at every round, was never a spin, and ran to --max-steps.
 * An access below the stack size the program asked for is a stack
 * overflow, reported at pc (weft__stack_beyond). */
_Noreturn void weft__stack_beyond(const void *addr, uintptr_t pc);
static inline const uint32_t *weft__access_begin(const void *addr,
						 bool write, bool word,
						 int *tid, uintptr_t pc)
{
	const struct weft__running *r = &weft__running;
	const char *a = addr;

	if (!r->vc)
		return NULL;
	if (__builtin_expect(a < r->beyond_hi && a >= r->beyond_lo, 0))
		weft__stack_beyond(addr, pc);
	*tid = r->tid;
	if (write && (a < r->stack_lo || a >= r->stack_hi)) {
		if (__builtin_expect(*r->spin_any && word, 0))
			weft__note_write(addr);
		else
			*r->progress = true;
	}
	return r->vc;
}

/* A clock ordered only by the program's own signals: thread creation and
 * join, and a semaphore's posts before a wait that takes one (pvc_post and
 * pvc_wait, after the step).  The lock-order graph uses it to tell
 * inversions that never overlap in this execution (one order taken before
 * a thread is created or a post, the other after the join or the wait);
 * weft__pvc_tick advances the calling thread's entry. */
const uint32_t *weft__pvc_tick(int tid);
void weft__pvc_post(const void *obj);
void weft__pvc_wait(const void *obj);

/* ---- options: src/opts.h ------------------------------------------------- */

#include "opts.h"

/* ---- replay context ------------------------------------------------------ */

/* State a subsystem learnt in earlier executions that changes which steps
 * are scheduling points (the racing sites): a replay token carries the
 * part known when the recorded execution started, so a fresh process
 * replays with the same points.  mark() is called at every execution
 * start; export() returns the values as of the last mark (position
 * independent: offsets into the executable); import() installs them
 * before a replay.  Weak no-op defaults live in the core. */
void weft__replay_context_mark(void);
int weft__replay_context_export(uint64_t *out, int max);
void weft__replay_context_import(const uint64_t *in, int n);
/* Not a site either: a thread ran alone from a decision on (a give-up
 * probe, weft__sched_alone), which the replay must do too, since a run
 * alone reads the clock as a lone spinner does.  The decision's index in
 * bits 16-55, the thread in bits 0-15, this tag above (an object number
 * no program has, so an older import skips it); the scheduler adds it
 * to the execution's context (weft__exec_context_export), and the worker
 * hands it to the replay (weft__replay_alone, src/explore/replay.c). */
#define WEFT__CTX_ALONE ((uint64_t)0xfe << 56)
#define WEFT__CTX_ALONE_MAKE(at, tid)                                         \
	(WEFT__CTX_ALONE | ((uint64_t)(at) & 0xFFFFFFFFFFu) << 16 |           \
	 ((uint64_t)(tid) & 0xFFFFu))
#define WEFT__CTX_IS_ALONE(v) (((v) >> 56) == (WEFT__CTX_ALONE >> 56))
#define WEFT__CTX_ALONE_AT(v) ((long)(((v) >> 16) & 0xFFFFFFFFFFu))
#define WEFT__CTX_ALONE_TID(v) ((int)((v) & 0xFFFFu))
void weft__replay_alone(long at, int tid);
/* The context a token of the current (or just ended) execution carries:
 * the detector's (weft__replay_context_export) and its run alone. */
int weft__exec_context_export(uint64_t *out, int max);

/* ---- entry points ------------------------------------------------------- */

/* Parse weft flags (argv[1..]) and WEFT_OPTIONS, run the tests in list that
 * match --filter, print reports; returns the exit status (0 no bug, 1 bug,
 * 2 usage error).  Used by the WEFT_TEST main and by the pthread mode. */
int weft__run_tests(struct weft_test *list, int argc, char **argv);

/* The program defines its own main (pthread mode, src/pthread/): run it as
 * the test body.  weft-cc links with --wrap=main, so the C runtime calls
 * weft's __wrap_main; when no WEFT_TEST is registered and the program has a
 * main, __wrap_main calls this.  A weak fallback reports that the mode is
 * unavailable. */
int weft__main_mode(int argc, char **argv, int (*real_main)(int, char **));
/* Makes standard input the same for every execution (src/pthread/io.c;
 * a weak no-op in builds without the pthread layer, src/cli/worker.c).
 * May block reading a pipe to its end, in the parent, once. */
void weft__pt_stdin_prepare(void);
/* Keep the program's standard output and error aside, each execution's,
 * from now on, and show the kept output of the execution the last report
 * drew, on standard error (src/pthread/output.c; weak no-ops without the
 * pthread layer, src/cli/worker.c).  Neither blocks. */
void weft__pt_output_enable(void);
void weft__pt_output_show(void);
/* Forget every job's kept output once a test is reported: the next test
 * runs in the same records, and the output kept for one test's bug was
 * shown for the next one's.  Does not block. */
void weft__pt_output_forget(void);
/* The thread-specific values of thread tid, for the leak check's roots:
 * their number, at *vals (src/pthread/keys.c; none without the pthread
 * layer, a weak stand-in in src/detect/leak.c).  Does not block. */
int weft__pt_key_values(int tid, const void *const **vals);
/* The argument pthread tid's start routine was handed, for the leak
 * check's roots (src/pthread/thread.c; NULL without the pthread layer,
 * a weak stand-in in src/detect/leak.c).  Does not block. */
const void *weft__pt_start_arg(int tid);
/* The memory the C library keeps the program's pointers in (the strings
 * putenv put in the environment, a setvbuf buffer of a stream still open,
 * on_exit's argument), for the leak check's roots: root(ctx, lo, hi) for
 * each range (src/pthread/libc_roots.c; none without the pthread layer,
 * a weak stand-in in src/detect/leak.c).  Does not block. */
void weft__pt_libc_roots(void (*root)(void *ctx, const char *lo,
				      const char *hi),
			 void *ctx);
/* Innermost instrumented call site or 0; signal-safe (stand-in: worker.c) */
uintptr_t weft__race_innermost_call(void);

/* Hooks the pthread layer uses to end an execution from exit()/abort(). */
_Noreturn void weft__thread_exit_current(void);
_Noreturn void weft__exec_exit(int status);

/* Seconds on the monotonic clock; weft__now_coarse, the same clock at
 * its tick (a few ms), cheaper: for limits checked at every execution. */
double weft__now(void);
double weft__now_coarse(void);
/* Number of the current execution within this test (0-based). */
long weft__exec_no(void);
/* Steps taken so far in the current execution (0 outside one).  Does not
 * block. */
long weft__step_no(void);
/* Whether the step being taken is an unfair continuation of a spinning
 * thread (one round while others could run, within --fair-bound): true
 * once per such step, false after (sched/livelock.c).  Does not block. */
bool weft__unfair_step_take(void);
/* Whether a thread other than the caller can run now and waits in an op
 * whose ready function is ready (livelock.c).  Does not block. */
bool weft__enabled_with(weft__ready_fn ready);
/* Counts executions begun in this process, the re-run of the determinism
 * probe too (it repeats an execution number): per-execution state kept
 * outside the execution arena is stamped with it and found stale when it
 * differs.  Does not block. */
long weft__exec_gen(void);
/* The parent of the process the user started (weft's own parent), kept
 * before weft forks its workers; 0 before that (cli/run.c).  Does not
 * block. */
pid_t weft__launch_ppid(void);
/* Whether the process started with standard output closed (`prog >&-`),
 * which weft then points at /dev/null (cli/worker.c): the report has
 * nowhere to go, and says so.  Does not block. */
bool weft__stdout_closed_at_start(void);

/* weft's own descriptors in the worker (sched/fds.c): weft__fd_keep moves
 * fd to the lowest free number at or above floor, closed on exec, and
 * keeps it from the program, returning the new number (fd itself when it
 * cannot move it; negative stays negative); weft__fd_release forgets one
 * weft is about to close; weft__fd_is_weft tells the program's close of
 * one (it fails with EBADF).  None blocks. */
int weft__fd_keep(int fd, int floor);
void weft__fd_release(int fd);
bool weft__fd_is_weft(int fd);
/* A descriptor the program takes over (dup2 onto one of weft's): its
 * owner, named with weft__fd_on_lost, closes it and starts over with
 * another (a daemon's dup2 of /dev/null over every descriptor took the
 * pipes to addr2line).  Neither blocks. */
void weft__fd_on_lost(int fd, void (*lost)(int fd));
void weft__fd_give_up(int fd);

/* The jobs of a search (--jobs) take turns at the real files
 * (cli/files_lock.c): the parent sets the lock up for njobs before it
 * forks them; an execution about to touch a file enters (it may block
 * until another job's execution that touched files is over; a no-op for
 * a single job and when held), and leaves when it is over.  Orders
 * nothing in the execution itself. */
void weft__files_lock_setup(int njobs);
void weft__files_enter(void);
void weft__files_leave(void);

#endif
