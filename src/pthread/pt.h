/* src/pthread/pt.h - shared by the pthread layer (src/pthread/).
 *
 * weft-cc renames the program's calls (pthread_create, malloc, printf,
 * exit, ...) to __weft_<name> in the program's own objects (objcopy
 * --redefine-sym), so only the program under test reaches these wrappers;
 * libc and weft keep the real functions.  Every wrapper behaves like the
 * real function when no execution is running (constructors, destructors),
 * and like its weft model inside an execution. */
#ifndef WEFT_PTHREAD_PT_H
#define WEFT_PTHREAD_PT_H

#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>

#include "internal.h"
#include "detect/race.h"

/* True when the caller is a test thread of a running execution. */
static inline bool weft__pt_live(void)
{
	return weft__race_on && weft__self() >= 0;
}

#define PT_LOC() WEFT__CALLER_LOC()
/* The caller's return address, for a call site symbolized only if needed:
 * before main, symbolizing would start addr2line from a constructor. */
#define PT_RA() ((uintptr_t)__builtin_return_address(0))
/* In a definition that takes a C library function's name (libweft.so comes
 * before libc, so other libraries' calls reach it): `real`, the C
 * library's own, the next definition past libweft.so's (<dlfcn.h>). */
#define PT_REAL(name)                                                         \
	static __typeof__(name) *real;                                        \
	if (!real)                                                            \
	*(void **)&real = dlsym(RTLD_NEXT, #name)

/* The calling thread's pthread_t (test thread id + 1). */
#define PT_ID(tid) ((pthread_t)(tid) + 1)

/* Per-execution state of the pthread layer, reset by its begin hook. */
void weft__pt_keys_thread_exit(int tid);
/* A thread was created with id tid (perhaps the id of a finished one):
 * it starts with no thread-specific data, and with attr's scheduling
 * attributes and the program's name. */
void weft__pt_keys_thread_start(int tid);
void weft__pt_attr_thread_start(int tid, const pthread_attr_t *attr);
/* What a read stored in the program's memory, checked as a write made at
 * pc (a buffer another thread reads, or freed memory): got items of size
 * bytes at p; returns got.  Not a scheduling point. */
static inline ssize_t weft__pt_stored(void *p, ssize_t got, size_t size,
				      uintptr_t pc)
{
	if (got > 0)
		weft__race_access(p, (size_t)got * size, WEFT__RACE_WRITE, pc);
	return got;
}
/* Ends the execution as inconclusive ("unsupported: CALL") when reading
 * fd could block: a pipe, socket, terminal or device (io.c). */
void weft__pt_input_check(int fd, const char *call,
			  const struct weft_loc *loc);
/* A use of stream f by call (fgets(), fprintf(), fclose() ...) in a test
 * thread (files.c): a step on the stream when one is needed
 * (weft__pt_point_needed), then a use-after-free report when a test
 * thread closed the stream in this execution (fclose frees the FILE).
 * May switch threads; does not block. */
void weft__pt_stream_use(FILE *f, const char *call,
			 const struct weft_loc *loc);
/* Whether a use of obj (a stream, a descriptor) must be a step: another
 * thread could run, or obj was used in a step of this execution (by a
 * thread that finished since: the explorer must see this use to try it
 * before that one).  Not when the caller is alone and first: no order is
 * to be explored, and a point per character of a large input or output
 * would only run into --max-steps (a program reading its input before it
 * starts its threads). */
bool weft__pt_point_needed(const void *obj);
/* The record of what an execution opened (files.c), for the streams
 * (streams.c): a stream to close before the next execution, its output
 * dropped first when purge is set; the record of a stream the program
 * closes, or of a descriptor a stream now owns (whether there was one). */
void weft__pt_keep_stream(FILE *f, bool purge);
/* The note that directory listings and shared file mappings are state
 * the explorer does not see, once an execution with more than one thread
 * used one (files.c): asked at each such open and at each thread's
 * creation. */
void weft__pt_files_note(void);
/* Files as shared state (fs.c): the object that stands for the contents
 * of the regular file open as fd (NULL: none); a step of call on obj (a
 * write or a read of it) when another thread could run; the steps of an
 * open of path that may create or truncate the file.  ra: the program's
 * call (PT_RA). */
const void *weft__pt_file_obj(int fd);
void weft__pt_fs_step(const char *call, const void *obj, bool write,
		      uintptr_t ra);
void weft__pt_open_steps(const char *call, const char *path, bool creates,
			 bool truncates, uintptr_t ra);
/* readv and writev of a descriptor that is no channel (fs_vec.c): steps
 * on a regular file's contents, the vector's memory checked, standard
 * output and error kept as write()'s.  Cancellation points; may switch
 * threads; do not block. */
ssize_t weft__pt_file_writev(int fd, const struct iovec *v, int cnt,
			     uintptr_t ra);
ssize_t weft__pt_file_readv(int fd, const struct iovec *v, int cnt,
			    uintptr_t ra);
/* Before a read of descriptor fd by call (input.c): a cancellation
 * point, the refusal of a read that could block, and a step on a
 * regular file's contents.  May switch threads. */
void weft__pt_fd_read_point(const char *call, int fd,
			    const struct weft_loc *loc);
/* A call that has the kernel copy bytes (sendfile, splice,
 * copy_file_range) to or from a channel between the program's threads:
 * ends the execution as unsupported (chan_io.c). */
void weft__pt_no_kernel_copy(const char *call, int a, int b,
			     const struct weft_loc *loc);
/* The names an execution creates, removed when it is over (fs_made.c):
 * before a call that may create path (relative to directory dir, or
 * AT_FDCWD), whether nothing is there; after it, with that answer and
 * whether the call succeeded, note what it made. */
bool weft__pt_fs_absent(int dir, const char *path);
void weft__pt_fs_made(int dir, const char *path, bool absent, bool ok);
/* path was made with a unique name (mkstemp ...): its name's object is
 * keyed by the calling thread and its count of such names (fs_names.c). */
void weft__pt_fs_unique(const char *path);
/* The object of path's name for the steps of fs.c, and whether obj is
 * one (fs_names.c).  Never block. */
const void *weft__pt_name_obj(const char *path);
bool weft__pt_is_name_obj(const void *obj);
/* After rename(from, to) returned rc: a file this execution made is now
 * at to (a file that was there before is left where the program put it,
 * never removed).  Returns rc. */
int weft__pt_fs_renamed(const char *to, int rc);
/* The result of call, an open or a name-making call (mkdir, symlink) of
 * path relative to dir that creates it when creates: -1 is a failure,
 * anything else a success.  What it made is noted (fs_made.c).  A macro,
 * so that the question whether nothing was there comes before the call. */
#define WEFT__PT_MADE(dir, path, creates, call)                               \
	__extension__({                                                       \
		bool absent_ = (creates) && weft__pt_fs_absent(dir, path);    \
		int r_ = (call);                                              \
		weft__pt_fs_made(dir, path, absent_, r_ >= 0);                \
		r_;                                                           \
	})
/* After link(from, to) returned rc: to is noted as made when the file is
 * one this execution made.  Returns rc. */
int weft__pt_fs_linked(const char *to, int rc);
bool weft__pt_drop_stream(FILE *f);
bool weft__pt_drop_fd(int fd);
/* In-process channels (chan.c): pipes, socket pairs and eventfds a test
 * thread made in this execution.  weft__pt_chan says whether fd is one
 * (never outside an execution).  The reads and writes are scheduling
 * points that block, as the real calls do, until the call can go on;
 * flags < 0 means read()/write(), otherwise recv/send's flags, a and al
 * their address.  weft__pt_chan_close is the step before a close of fd
 * (nothing when it is not a channel); weft__pt_chan_dup notes that to is
 * now a copy of fd.  weft__pt_chan_poll and weft__pt_chan_select wait,
 * for timeout_ns (< 0: for ever, 0: not at all), for one of the
 * descriptors, as poll and select do, when every one is a channel or
 * cannot block (none at all: a sleep, or for ever); otherwise they
 * return -2 and do nothing.  weft__pt_chan_epoll waits so on an epoll
 * instance the execution made that watches only channels.  They may
 * block. */
bool weft__pt_chan(int fd);
/* A step before call on fd when a channel had fd until a close in this
 * execution (nothing otherwise): the explorer then tries it before the
 * close too.  A scheduling point; does not block. */
void weft__pt_chan_closed_use(int fd, const char *call,
			      const struct weft_loc *loc);
/* The object every step on a channel touches (chan_wait.c's polls too). */
const void *weft__pt_chan_obj(void);
ssize_t weft__pt_chan_read(const char *call, int fd, void *p, size_t n,
			   int flags, struct sockaddr *a, socklen_t *al,
			   const struct weft_loc *loc);
ssize_t weft__pt_chan_write(const char *call, int fd, const void *p, size_t n,
			    int flags, const struct sockaddr *a, socklen_t al,
			    const struct weft_loc *loc);
void weft__pt_chan_close(int fd, const struct weft_loc *loc);
void weft__pt_chan_dup(int fd, int to);
/* A step of call on channel fd that changes it (fcntl's F_SETFL, ioctl,
 * shutdown); ends: it may end a reader's wait (shutdown), which then
 * acquires what the caller did before.  Nothing when fd is no channel. */
void weft__pt_chan_change(const char *call, int fd, bool ends,
			  const struct weft_loc *loc);
/* poll, select or epoll found channel fd readable: the caller acquires
 * what the writes of its bytes released (the read after it will too). */
void weft__pt_chan_seen(int fd);
/* A copy of channel fd that a waiting call holds, as the kernel holds the
 * file (another thread's close of fd does not end its wait): up high,
 * out of the program's way; fd itself when there is no room.  Closed
 * with close() when the call is over (when it is not fd).  Never
 * blocks. */
int weft__pt_chan_hold(int fd);
int weft__pt_chan_poll(struct pollfd *f, nfds_t n, long long timeout_ns,
		       const char *call, const struct weft_loc *loc);
int weft__pt_chan_select(int n, fd_set *rd, fd_set *wr, fd_set *ex,
			 long long timeout_ns, const char *call,
			 const struct weft_loc *loc);
int weft__pt_chan_epoll(int epfd, struct epoll_event *ev, int max,
			long long timeout_ns, const char *call,
			const struct weft_loc *loc);
/* What a read of fd would wait for ("a pipe", "a socket", "a terminal",
 * ...), or NULL when it cannot block (io.c). */
const char *weft__pt_blocking_source(int fd);
/* The record of a descriptor the execution opened, closed before the
 * next one (files.c); returns fd. */
int weft__pt_keep_fd(int fd);
/* Whether t names a thread of this execution. */
bool weft__pt_valid(pthread_t t);

/* The models behind the pthread calls, with the caller's location, for
 * the C11 <threads.h> layer (src/pthread/c11.c).  weft__pt_create names
 * the thread after name_of. */
int weft__pt_create(pthread_t *th, const pthread_attr_t *attr,
		    void *(*start)(void *), void *arg, void *(*name_of)(void *),
		    const struct weft_loc *loc);
int weft__pt_join(pthread_t t, void **ret, const struct weft_loc *loc);
/* The program frees or unmaps [p, p + n) as what, at loc (NULL: the
 * place of return address ra, looked up only for a report): a bug when
 * it is the stack it gave a thread that may still use it (thread.c).
 * Not a scheduling point. */
void weft__pt_stack_release(const void *p, size_t n, const char *what,
			    const struct weft_loc *loc, uintptr_t ra);
/* Detaches t for call at loc (pthread_detach, thrd_detach). */
int weft__pt_detach(pthread_t t, const char *call, const struct weft_loc *loc);
/* Whether thread t is detached (created so or detached since), as
 * pthread_getattr_np at loc sees it: a step in a program that detaches
 * threads (thread.c). */
bool weft__pt_detached(pthread_t t, const struct weft_loc *loc);
/* pthread_mutex_init's model, named call (mtx_init) at the program's loc
 * (mutex.c): a step on the mutex.  Never blocks. */
int weft__pt_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a,
			const char *call, const struct weft_loc *loc);
/* Whether the program (its executable or a library of its own) imports
 * any of names, a NULL-terminated list (imports.c): it calls them. */
bool weft__pt_imports(const char *const *names);
/* weft__pt_imports asked once: *known is 0 before, 1 no, 2 yes after. */
bool weft__pt_imports_once(int *known, const char *const *names);
/* Whether the program sends itself signals (calls kill): sigmask.c. */
bool weft__pt_kills(void);
int weft__pt_once(pthread_once_t *o, void (*init)(void),
		  const struct weft_loc *loc);
void weft__pt_sleep_ns(long long ns, const struct weft_loc *loc);
/* A timed wait that timed out waited until its deadline, ns from now:
 * virtual time moves on by ns (nothing for ns <= 0).  Not a scheduling
 * point. */
void weft__pt_time_pass(long long ns);
/* A timeout's wait of ns, or to the absolute deadline abs on clock c: a
 * step that moves the clock (time.c). */
void weft__pt_time_jump(long long ns, const struct weft_loc *loc);
void weft__pt_time_jump_to(clockid_t c, const struct timespec *abs,
			   const struct weft_loc *loc);
/* A step on the virtual clock: a WRITE moves it, a READ reads it; ordered
 * for the explorer only (time.c).  The clock's time now, in ns. */
void weft__pt_clock_step(const char *name, int access,
			 const struct weft_loc *loc);
long long weft__pt_now(void);
/* Where the virtual wall clock (CLOCK_REALTIME) starts, in seconds. */
#define WEFT__PT_EPOCH_SEC 1700000000LL
/* Whether a timed wait (a semaphore, lock or rwlock) that cannot go on
 * now times out: a choice of the explorer (what names it).  One that
 * does is noted on its step and, for fairness, is a poll that saw
 * nothing new (weft__timed_out), and the virtual clock moves on to the
 * deadline abs on clock c, as the real call returns only then (a caller
 * that checks the time passed saw 1 microsecond).  A scheduling point
 * (the choice); does not block. */
/* Whether ts's nanoseconds are outside 0..999,999,999 (a time built
 * without carrying them into the seconds), which glibc refuses with
 * EINVAL; and ts as nanoseconds.  The one place the pthread layer does
 * either sum. */
static inline bool weft__pt_nsec_bad(const struct timespec *ts)
{
	return ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000L;
}
static inline long long weft__pt_ts_ns(const struct timespec *ts)
{
	/* Saturated: a deadline of { LONG_MAX, 0 } ("never") overflowed to
	 * one long past, and a wait on it timed out at once (a probe). */
	if (ts->tv_sec > LLONG_MAX / 1000000000LL - 1)
		return LLONG_MAX;
	if (ts->tv_sec < LLONG_MIN / 1000000000LL + 1)
		return LLONG_MIN;
	return (long long)ts->tv_sec * 1000000000LL + ts->tv_nsec;
}
/* Whether deadline ts (NULL: none) is one glibc refuses with EINVAL.
 * Not a scheduling point. */
bool weft__pt_bad_deadline(const struct timespec *ts);
bool weft__pt_times_out(const char *what, clockid_t c,
			const struct timespec *abs, const struct weft_loc *loc);
/* Whether deadline abs on clock c (NULL: none) lies more than a year past
 * the virtual now, too far to come in any run (a CLOCK_REALTIME deadline
 * on a CLOCK_MONOTONIC wait is 54 years off): such a wait never times
 * out (weft__pt_times_out never chooses it), and when true the calling
 * thread's wait carries a note saying how far, for a deadlock report
 * (weft__wait_note), until weft__pt_wait_end.  weft__pt_wait_begin and
 * weft__pt_wait_end go around the untimed wait of a timed one that did
 * not time out: weft__timed_wait, but a wait with a far deadline is one
 * that can deadlock.  None is a scheduling point or blocks. */
bool weft__pt_deadline_far(clockid_t c, const struct timespec *abs);
void weft__pt_wait_begin(clockid_t c, const struct timespec *abs);
void weft__pt_wait_end(void);
/* The program's call that led to a call from libstdc++ made at return
 * address ra (cxx_rt.c): its first caller that is neither libstdc++ nor
 * weft, found by unwinding. */
const struct weft_loc *weft__pt_program_loc(uintptr_t ra);
/* Whether return address ra is in weft's own code (libweft.so). */
bool weft__pt_from_weft(uintptr_t ra);
/* Whether a call with return address ra is libstdc++'s (or its tail call
 * from the program) during an execution (cxx_rt.c).  Does not block. */
bool weft__pt_from_libstdcxx(uintptr_t ra);
/* Whether os is one of the standard streams (std::cin, std::cout ...)
 * while they are synchronised with stdio, which threads may share: not
 * once this execution called std::ios_base::sync_with_stdio(false)
 * (cxx_streams.c). */
bool weft__pt_cxx_shared_stream(const void *os);
/* The futex (futex.c), as syscall() returns: a wait blocks until a wake
 * with a common bit chooses it (0), or fails with errno EAGAIN when the
 * word is not val, or ETIMEDOUT when timeout_ns is not negative and it
 * timed out (an explored choice; virtual time moves on by timeout_ns); a
 * wake never blocks and returns how many waiters it woke, at most n (one
 * for n <= 0, as Linux).  Scheduling points. */
long weft__pt_futex_wait(const uint32_t *word, uint32_t val, uint32_t bits,
			 long long timeout_ns, const struct weft_loc *loc);
long weft__pt_futex_wake(const uint32_t *word, int n, uint32_t bits,
			 const struct weft_loc *loc);
/* FUTEX_REQUEUE and FUTEX_CMP_REQUEUE (futex.c): wakes up to nwake of
 * word's waiters and moves up to nreq others to word2.  A scheduling
 * point; never blocks. */
long weft__pt_futex_requeue(const uint32_t *word, int nwake, int nreq,
			    const uint32_t *word2, bool cmp, uint32_t val3,
			    const struct weft_loc *loc);
long long weft__pt_ns_until(clockid_t c, const struct timespec *abs);
/* Whether glibc's waits on a given clock (pthread_mutex_clocklock,
 * pthread_cond_clockwait, sem_clockwait, ...) accept clock c: they take
 * CLOCK_REALTIME and CLOCK_MONOTONIC and return EINVAL for any other. */
static inline bool weft__pt_wait_clock(clockid_t c)
{
	return c == CLOCK_REALTIME || c == CLOCK_MONOTONIC;
}
weft_mutex_t *weft__pt_mutex(pthread_mutex_t *m);
/* Robust mutexes (robust.c): init records whether m is robust (a limit
 * past 256 in one execution); lock, trylock and the timed locks ask
 * whether m is unrecoverable before trying and what taking it means
 * after (0, EOWNERDEAD, or ENOTRECOVERABLE with m given back); the
 * owner's unlock of an inconsistent m makes it unrecoverable; an ending
 * thread releases the robust mutexes it holds. */
void weft__pt_robust_init(pthread_mutex_t *m, bool robust,
			  const struct weft_loc *loc);
void weft__pt_robust_destroy(pthread_mutex_t *m);
bool weft__pt_robust_unrecoverable(const pthread_mutex_t *m);
int weft__pt_robust_acquired(pthread_mutex_t *m, const char *opname,
			     const struct weft_loc *loc);
void weft__pt_robust_unlocking(const pthread_mutex_t *m);
void weft__pt_robust_thread_exit(int tid);
void weft__pt_robust_begin(void);
/* m was made robust outside any execution (a constructor, a C++ static
 * object): every execution starts with it robust and consistent. */
void weft__pt_robust_premain(pthread_mutex_t *m);
/* Whether m is robust in this execution. */
bool weft__pt_robust_known(const pthread_mutex_t *m);
weft_cond_t *weft__pt_cond(pthread_cond_t *c);
/* pthread_cond_wait (returning 0, or EOWNERDEAD or ENOTRECOVERABLE from
 * the relock of a robust mutex) and pthread_cond_timedwait (on clock clk,
 * returning those, ETIMEDOUT or EINVAL) under the caller's name for them,
 * for C11's cnd_wait and cnd_timedwait too (cond.c): cancellation points
 * that block. */
int weft__pt_cond_wait_as(pthread_cond_t *c, pthread_mutex_t *m,
			   const char *opname, const struct weft_loc *loc);
int weft__pt_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
			    clockid_t clk, const struct timespec *ts,
			    const char *opname, const struct weft_loc *loc);
_Noreturn void __weft_pthread_exit(void *ret);
int __weft_pthread_detach(pthread_t t);
int __weft_pthread_mutex_init(pthread_mutex_t *m,
			      const pthread_mutexattr_t *a);
int __weft_pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *a);
int __weft_pthread_key_create(pthread_key_t *k, void (*dtor)(void *));
int __weft_pthread_key_delete(pthread_key_t k);
void *__weft_pthread_getspecific(pthread_key_t k);
int __weft_pthread_setspecific(pthread_key_t k, const void *v);
/* The wrappers C++'s runtime models call (cxx_rt.c): condition variables
 * (cond.c) and time (time.c). */
int __weft_pthread_cond_destroy(pthread_cond_t *c);
int __weft_pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m);
int __weft_pthread_cond_signal(pthread_cond_t *c);
int __weft_pthread_cond_broadcast(pthread_cond_t *c);
int __weft_nanosleep(const struct timespec *req, struct timespec *rem);
int __weft_clock_gettime(clockid_t clk, struct timespec *ts);
/* C++'s runtime as the program calls it (cxx_rt.c, renamed by weft-cc):
 * function-local statics' guards.  (The condition variable wait with a
 * clock that wait_for and wait_until use is cond.c's.) */
int __weft___cxa_guard_acquire(uint64_t *gv);
void __weft___cxa_guard_release(uint64_t *gv);
void __weft___cxa_guard_abort(uint64_t *gv);

/* Signals (sigmask.c).  Each test thread has its own mask; a new one
 * takes its creator's (weft__pt_sig_thread_start, called by the
 * creator).  weft__pt_sig_raise is raise for the calling thread, and
 * weft__pt_sig_kill_self a kill of the process itself (as they return).
 * weft__pt_sig_step is the step of call on the process's signal state
 * (a write, or a read), when another thread could run or one took a
 * step on it.  weft__pt_sig_ignored says whether sig would be thrown
 * away if sent now, and weft__pt_sig_discard throws away what is
 * pending of it.  Only the steps are scheduling points; a delivery runs
 * the program's handler. */
void weft__pt_sig_thread_start(int tid);
int weft__pt_sig_raise(int sig, const struct weft_loc *loc);
int weft__pt_sig_kill_self(int sig, const struct weft_loc *loc);
void weft__pt_sig_step(const char *call, bool write,
		       const struct weft_loc *loc);
/* A crash at loc when sig is SIGKILL, and an unsupported stop when it
 * stops the process (SIGSTOP, or a terminal stop signal left to its
 * default action); else returns.  call names the sending call. */
void weft__pt_sig_uncatchable(int sig, const char *call,
			      const struct weft_loc *loc);
/* A signal from outside the process, sent by the scheduler in the
 * thread whose step just ended (weft__signal_handled): as a kill of the
 * process.  Runs the handler, so it may block. */
void weft__pt_sig_outside(int sig);
/* The lowest signal of set pending for the caller or the process, taken
 * away, or 0: a step of call (sigwait and its kin). */
int weft__pt_sig_take(const sigset_t *set, const char *call,
		      const struct weft_loc *loc);
bool weft__pt_sig_ignored(int sig);
/* The object the process's signal steps touch (sigmask.c). */
const void *weft__pt_sig_obj(void);
/* Waits a signal sent to the process interrupts (sigintr.c).  A wait
 * that blocks (sem_wait, pause) or a sleep calls
 * weft__pt_sig_wait_enter(WEFT__PT_INTR_WAIT or _SLEEP) before it and
 * weft__pt_sig_wait_leave after, which says whether a signal's handler
 * interrupted it (EINTR); a blocked wait then ends as for a cancel
 * request (-ECANCELED from the sync layer).  weft__pt_sig_intr_obj is
 * the object such a wait also touches, NULL in a program that sends
 * itself no signal.  to_process asks weft__pt_sig_intr_taker whether a
 * thread that cannot run may take a signal, and tells the one chosen
 * (weft__pt_sig_intr_chosen).  None blocks. */
enum { WEFT__PT_INTR_NONE, WEFT__PT_INTR_WAIT, WEFT__PT_INTR_SLEEP };
const void *weft__pt_sig_intr_obj(void);
void weft__pt_sig_wait_enter(int kind);
bool weft__pt_sig_wait_leave(void);
bool weft__pt_sig_intr_taker(int tid);
void weft__pt_sig_intr_chosen(int tid);
void weft__pt_sig_intr_thread_start(int tid);
/* sigsuspend's mask for the caller (sigmask.c): set, the mask before in
 * *old, and whether a signal pending was delivered at once (a step);
 * weft__pt_sig_restore_mask puts old back (no step). */
bool weft__pt_sig_suspend_mask(const sigset_t *set, sigset_t *old,
			       const struct weft_loc *loc);
void weft__pt_sig_restore_mask(const sigset_t *old);
void weft__pt_sig_discard(int sig);

/* The scheduler's side (src/sched/thread.c): weft__spawn with a stack of
 * stack_size bytes (0: --stack-size); the test body's stack size (0:
 * --stack-size); the stack thread tid runs on. */
int weft__spawn_sized(void (*fn)(void *), void *arg, const char *name,
		      unsigned flags, size_t stack_size,
		      const struct weft_loc *loc);
extern size_t weft__body_stack_size;
void weft__thread_stack(int tid, void **base, size_t *size);

/* What exit() runs (atexit.c): the handlers registered with atexit,
 * on_exit (handed status) and __cxa_atexit (C++'s static destructors),
 * last first, then the executable's destructors; what quick_exit() runs:
 * the at_quick_exit handlers. */
void weft__pt_run_atexit(int status);
/* The memory of the C library's that holds pointers the program gave
 * it, for the leak check's roots (libc_roots.c): each range is handed to
 * root.  The streams glibc has open (streams.c: a setvbuf buffer), the
 * environment's array (env.c: putenv's strings), the arguments of the
 * exit handlers (atexit.c: on_exit's).  None blocks. */
void weft__pt_stream_roots(void (*root)(void *ctx, const char *lo,
					const char *hi),
			   void *ctx);
void weft__pt_env_roots(void (*root)(void *ctx, const char *lo,
				     const char *hi),
			void *ctx);
void weft__pt_exit_roots(void (*root)(void *ctx, const char *lo,
				      const char *hi),
			 void *ctx);
/* The test is a program's own main (main.c). */
bool weft__pt_main_mode(void);
void weft__pt_run_quick_exit(int status);
/* The destructors of the thread_local objects thread tid built (C++'s
 * __cxa_thread_atexit), last first, run as it ends (atexit.c). */
void weft__pt_run_tls_dtors(int tid);
/* pthread_exit's end of the calling thread after its cleanup handlers, and
 * the slot of its innermost handler (thread.c); the handlers' unwinding,
 * which returns only when the thread has none left (cleanup.c). */
_Noreturn void weft__pt_exit_finish(void);
/* The program's pthread_atfork handlers (atfork.c), run around its own
 * fork outside an execution (process.c): the prepare handlers, last
 * registered first, or the parent's or child's, first first. */
enum { WEFT__PT_ATFORK_PREPARE, WEFT__PT_ATFORK_PARENT, WEFT__PT_ATFORK_CHILD };
void weft__pt_atfork_run(int phase);
/* The raw system call call (SYS_wait4, SYS_waitid; syscall.c) at the
 * program's return address ra, refused inside an execution as the
 * library's waits for a child are (process.c). */
void weft__pt_refuse_wait_syscall(const char *call, uintptr_t ra);
/* Cancellation points (cancel.c).  A wait that can block calls
 * weft__pt_cancel_enter before it and weft__pt_cancel_leave after,
 * saying whether a cancel request ended it (-ECANCELED from the sync
 * layer); weft__pt_cancel_check is a point that does not block (a sleep,
 * pthread_testcancel).  Each acts on a request (the thread ends, as by
 * pthread_exit(PTHREAD_CANCELED)) and then never returns.  Only
 * weft__pt_cancel_check is a scheduling point, and only in a program
 * that calls pthread_cancel. */
void weft__pt_cancel_enter(void);
void weft__pt_cancel_leave(bool cancelled);
void weft__pt_cancel_check(const struct weft_loc *loc);
/* The calling thread is exiting (pthread_exit, or acting on a request):
 * no cancellation point in its cleanup handlers acts any more, as
 * glibc's EXITING_BIT makes them. */
void weft__pt_cancel_exiting(void);
/* The calling thread, leaving by cancellation or pthread_exit, unwound its
 * cleanup handlers down to top (NULL: all): the once words of the
 * pthread_once initializers it began with top innermost go back to "not
 * run", as if the calls never happened (keys.c; a scheduling point for
 * each). */
void weft__pt_once_unwound_to(const void *top);
__pthread_unwind_buf_t **weft__pt_cleanup_top(void);
void weft__pt_cleanup_unwind(void);
/* While a C++ destructor run at exit runs, the place to report its frees
 * at ("exit in the destructor of config"), else NULL (atexit.c). */
const struct weft_loc *weft__pt_exit_site(void);
/* An execution cannot run the program faithfully when a constructor
 * created threads before main (main.c): inconclusive at its begin. */
void weft__pt_premain_threads_check(void);
/* The result rc of a thread creation (delta 1) or join (-1) made outside
 * any execution: a success (0, which is also C11's thrd_success) is
 * counted before main mode begins (main.c).  Returns rc. */
int weft__pt_premain_thread(int rc, int delta);
/* Set that place (NULL: none) while a destructor weft calls runs; returns
 * the one before, to put back. */
const struct weft_loc *weft__pt_exit_site_set(const struct weft_loc *l);

/* The SV-COMP convention (verifier_fn.c): whether return address ra is in
 * reach_error's code; the violation at reach_error's call (site: the
 * call's return address, or 0 when unknown); whether the program follows
 * the convention at all (it defines or references reach_error or a
 * __VERIFIER_ function), which makes its abort() an assumption. */
bool weft__pt_in_reach_error(uintptr_t ra);
_Noreturn void weft__pt_reach_error(uintptr_t ra, uintptr_t site);
bool weft__pt_sv_convention(void);

/* The heaps behind malloc (malloc.c), for C++'s operator new and delete:
 * whether they allocate from the tracked heap now (inside an execution, and
 * before main; otherwise from libc's); a tracked block of n bytes aligned
 * to align (NULL when impossible) for the call at return address ra; and
 * the release of any block, which frees libc's memory outside executions
 * and ignores it inside them, as free does. */
bool weft__pt_heap_tracked(void);
/* While paused (calls nest), allocations come from libc's heap even
 * inside an execution: for state a shared library keeps in its own
 * statics, which are not restored, so a block freed with the execution's
 * heap would be left dangling there for the next one. */
void weft__pt_heap_pause(bool on);
/* The C++ standard output streams' buffers flushed, as exit does, once
 * sync_with_stdio(false) gave them buffers (cxx_streams.c). */
void weft__pt_cxx_streams_flush(void);
void *weft__pt_alloc(size_t n, size_t align, const char *what, uintptr_t ra);
void weft__pt_release(void *p, const char *what, uintptr_t ra);
/* realloc of the program's block p to n bytes for a model (getline's
 * buffer, input.c), at return address ra; a new block is named what.  A
 * scheduling point when it frees p inside an execution. */
void *weft__pt_realloc(void *p, size_t n, const char *what, uintptr_t ra);

/* Program output of the current execution (main mode, output.c): kept
 * unless WEFT_SHOW_OUTPUT lets it through (enable), and shown after the
 * report of a failing execution (show). */
void weft__pt_output(int fd, const char *s, size_t n);
/* What a printf-family call reads of the program's memory, the format and
 * its %s strings, and writes (%n), checked for races and freed memory as
 * made at pc (format.c); never blocks. */
void weft__pt_format_access(const char *fmt, va_list ap, uintptr_t pc);
/* glibc's checked formatting, which _FORTIFY_SOURCE calls (no public
 * header): with flag > 0 a %n in a writable format, or positional
 * arguments used wrongly, abort the program. */
int __vfprintf_chk(FILE *f, int flag, const char *fmt, va_list ap);
int __vsprintf_chk(char *s, int flag, size_t slen, const char *fmt,
		   va_list ap);
int __vsnprintf_chk(char *s, size_t maxlen, int flag, size_t slen,
		    const char *fmt, va_list ap);
int weft__pt_output_vf(int fd, int flag, const char *fmt, va_list ap);
bool weft__pt_capturing(void);
/* Standard output or error moved by the program in this execution
 * (output_moved.c): copies of the descriptors kept at start-up (save);
 * fd 1 or 2 was (weft__pt_output_moved, called after the move: onto the
 * file of a standard descriptor, it counts as none); whether writes to fd
 * go to the capture (never for a descriptor but 1 and 2); whether stream f (stdout, stderr) now writes where
 * the program sent it; the descriptors put back at the next execution's
 * start (restore). */
void weft__pt_output_save(void);
void weft__pt_output_moved(int fd);
bool weft__pt_output_fd_captured(int fd);
bool weft__pt_stream_moved(const FILE *f);
void weft__pt_output_restore(void);

/* A sem_t as weft keeps it: the model's semaphore, then, for a named
 * one whose last handle sem_close closed (the C library unmaps it then),
 * where that was; its cls is WEFT__SEM_CLOSED from then on (sem.c,
 * sem_named.c). */
struct weft__pt_sem {
	weft_sem_t w;
	const struct weft_loc *closed_at;
};
#define WEFT__SEM_CLOSED (-2)

#endif
