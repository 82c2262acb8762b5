/* src/pthread/cxx_rt_sync.c - libstdc++'s own locks and thread-specific
 * data, taken from inside libstdc++.so during an execution.
 *
 * The program's calls of pthreads are renamed to weft's models, but
 * libstdc++.so calls glibc for its own: the mutex pool behind the C++11
 * atomic functions on shared_ptr (std::atomic_load, atomic_store,
 * atomic_compare_exchange), the rwlock of a
 * std::pmr::synchronized_pool_resource.  glibc's lock blocked the one
 * operating system thread every test thread runs on when another test
 * thread held it (a 60 s hang, then a data race on what it guards: a
 * helper's probe of C++20 programs).  libstdc++'s thread-specific data
 * (notify_all_at_thread_exit, set_value_at_thread_exit, the pool's
 * per-thread arenas) stays glibc's: its values are one per operating
 * system thread, shared by every test thread, so running its destructors
 * at a test thread's end ran another thread's (a review's probe); those
 * facilities are not modelled (README).
 *
 * libweft.so comes before libc, so these definitions receive libstdc++'s
 * calls, as cxx_rt.c's do.  During an execution a lock in libstdc++'s
 * own data is a lock of weft's, a shadow made for its address in the
 * execution's memory (libstdc++'s data is not restored between
 * executions, so its lock word is left alone); a lock in the program's
 * memory (a std::mutex that notify_all_at_thread_exit unlocks, a pool
 * resource's std::shared_mutex) is the program's, weft's model of it, as
 * the program's own calls are.  Any other call is glibc's. */
#include <dlfcn.h>
#include <errno.h>
#include <string.h>

#include "pthread/pt.h"
#include "sync/sync.h"
#include "modelled.h"

/* ---- locks ---------------------------------------------------------------- */

#define SHADOWS 64
static struct {
	long gen;
	int n;
	const void *addr[SHADOWS];
	void *obj[SHADOWS];
} sh;

/* The execution's shadow of libstdc++'s lock at addr: a weft_mutex_t or
 * weft_rwlock_t, made at its first use in the execution. */
static void *shadow(const void *addr, bool rw, const struct weft_loc *loc)
{
	void *o;

	if (sh.gen != weft__exec_gen()) {
		sh.gen = weft__exec_gen();
		sh.n = 0;
	}
	for (int i = 0; i < sh.n; i++)
		if (sh.addr[i] == addr)
			return sh.obj[i];
	if (sh.n == SHADOWS)
		weft__limit("libstdc++-locks", loc,
			    "more than %d of libstdc++'s own locks taken in "
			    "one execution, weft's limit", SHADOWS);
	if (rw) {
		o = weft__exec_alloc(sizeof(weft_rwlock_t));
		weft_rwlock_init(o, weft__objname(addr, "libstdc++ rwlock"));
	} else {
		o = weft__exec_alloc(sizeof(weft_mutex_t));
		weft_mutex_init(o, weft__objname(addr, "libstdc++ mutex"));
	}
	sh.addr[sh.n] = addr;
	sh.obj[sh.n++] = o;
	return o;
}

/* Whether a lives in libstdc++'s own data. */
static bool libstdcxx_data(const void *a)
{
	Dl_info di;

	return dladdr(a, &di) && di.dli_fname &&
	       strstr(di.dli_fname, "/libstdc++.so");
}

int pthread_mutex_lock(pthread_mutex_t *m)
{
	PT_REAL(pthread_mutex_lock);
	if (!weft__pt_from_libstdcxx(PT_RA()))
		return real(m);
	if (!libstdcxx_data(m))
		return __weft_pthread_mutex_lock(m);
	weft_mutex_lock_at(shadow(m, false, weft__pt_program_loc(PT_RA())),
			   weft__pt_program_loc(PT_RA()));
	return 0;
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
	PT_REAL(pthread_mutex_unlock);
	if (!weft__pt_from_libstdcxx(PT_RA()))
		return real(m);
	if (!libstdcxx_data(m))
		return __weft_pthread_mutex_unlock(m);
	weft_mutex_unlock_at(shadow(m, false, weft__pt_program_loc(PT_RA())),
			     weft__pt_program_loc(PT_RA()));
	return 0;
}

int pthread_rwlock_rdlock(pthread_rwlock_t *l)
{
	PT_REAL(pthread_rwlock_rdlock);
	if (!weft__pt_from_libstdcxx(PT_RA()))
		return real(l);
	if (!libstdcxx_data(l))
		return __weft_pthread_rwlock_rdlock(l);
	/* glibc's default kind: a reader's read lock nests. */
	weft__rwlock_rdlock(shadow(l, true, weft__pt_program_loc(PT_RA())), true,
			    weft__pt_program_loc(PT_RA()));
	return 0;
}

int pthread_rwlock_wrlock(pthread_rwlock_t *l)
{
	PT_REAL(pthread_rwlock_wrlock);
	if (!weft__pt_from_libstdcxx(PT_RA()))
		return real(l);
	if (!libstdcxx_data(l))
		return __weft_pthread_rwlock_wrlock(l);
	weft_rwlock_wrlock_at(shadow(l, true, weft__pt_program_loc(PT_RA())),
			      weft__pt_program_loc(PT_RA()));
	return 0;
}

int pthread_rwlock_unlock(pthread_rwlock_t *l)
{
	PT_REAL(pthread_rwlock_unlock);
	if (!weft__pt_from_libstdcxx(PT_RA()))
		return real(l);
	if (!libstdcxx_data(l))
		return __weft_pthread_rwlock_unlock(l);
	weft_rwlock_unlock_at(shadow(l, true, weft__pt_program_loc(PT_RA())),
			      weft__pt_program_loc(PT_RA()));
	return 0;
}
