/* src/pthread/cxx_rt.c - the parts of the C++ runtime that synchronise:
 * function-local statics and the threads of std::thread.
 *
 * Function-local statics.  The compiler guards the initialisation of a
 * function-local static with a 64-bit guard variable: a fast path loads
 * its first byte (an acquire load, which ThreadSanitizer's instrumentation
 * makes visible to weft), and only when that is zero calls
 * __cxa_guard_acquire, which returns 1 to the one thread that is to run
 * the initialiser and makes the others wait until it calls
 * __cxa_guard_release (or __cxa_guard_abort, when the initialiser threw).
 * weft-cc renames those calls in the program's objects to the models here,
 * as it does for pthreads, so libstdc++'s own statics keep the real ones.
 * The guard lives in the program's data, which is restored before every
 * execution, so every execution initialises the statics afresh.
 *
 * std::thread.  std::thread's constructor, join and detach, and
 * std::condition_variable's wait and notify, and std::this_thread's sleeps
 * are compiled into libstdc++, which calls pthreads through its PLT; the
 * renaming in the program's objects does not reach them.  libweft.so comes
 * before libc in a program's library list, so the functions below, with
 * the pthread names, receive those calls: a call from libstdc++'s code
 * during an execution goes to weft's model, any other call (weft's own,
 * another library's, or any call outside an execution) to the real
 * function, found with RTLD_NEXT.  A program linked with -static-libstdc++
 * carries libstdc++'s code in its own image, where these calls are not
 * recognised: such a std::thread would be a real thread, so weft-cc links
 * libstdc++ dynamically, as the C++ compiler does by default. */
#include <dlfcn.h>
#include <execinfo.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pthread/pt.h"
#include "modelled.h"

/* ---- function-local statics ---------------------------------------------- */

/* The guard's bytes: [0] initialised (the ABI's), [1] being initialised,
 * [4..7] the initialising thread's id + 1 (for deadlock reports). */
struct guard {
	uint8_t done, busy, pad[2];
	uint32_t owner;
};

static bool guard_ready(const struct weft__op *op)
{
	return !((const volatile struct guard *)op->obj)->busy;
}

static int guard_desc(const struct weft__op *op, char *buf, size_t n)
{
	const struct guard *g = op->obj;

	snprintf(buf, n, "the initialisation of a function-local static (%s)",
		 op->objname);
	return (int)g->owner - 1;
}

int __weft___cxa_guard_acquire(uint64_t *gv)
{
	struct guard *g = (struct guard *)gv;
	struct weft__op op;

	/* Outside an execution there is one thread: no one to wait for. */
	if (weft__pt_live()) {
		op = (struct weft__op){ .name = "cxa_guard_acquire", .obj = g,
					.objname = weft__objname(g, "guard"),
					.access = WEFT__ACC_WRITE,
					.ready = guard_ready,
					.waitdesc = guard_desc, .loc = PT_LOC() };
		weft__visible(&op);
	}
	if (g->done)
		return 0;
	g->busy = 1;
	g->owner = (uint32_t)(weft__self() + 1);
	return 1;
}

/* The initialiser's effects happen before every later acquire, and before
 * every fast-path load that sees the first byte set. */
void __weft___cxa_guard_release(uint64_t *gv)
{
	struct guard *g = (struct guard *)gv;

	if (weft__pt_live())
		weft__release_point("cxa_guard_release", g,
				    weft__objname(g, "guard"), PT_LOC());
	g->busy = 0;
	g->owner = 0;
	g->done = 1;
}

/* The initialiser threw: the next thread to come tries again. */
void __weft___cxa_guard_abort(uint64_t *gv)
{
	struct guard *g = (struct guard *)gv;

	if (weft__pt_live())
		weft__release_point("cxa_guard_abort", g,
				    weft__objname(g, "guard"), PT_LOC());
	g->busy = 0;
	g->owner = 0;
}

/* ---- libstdc++'s calls of pthreads --------------------------------------- */

/* The address ranges of libstdc++'s code (empty in a C program), of the
 * program's and of weft's. */
struct range {
	uintptr_t lo, hi;
};
static struct range lib, prog, self;

static bool in(const struct range *r, uintptr_t a)
{
	return a >= r->lo && a < r->hi;
}

static void add_code(struct range *r, struct dl_phdr_info *info)
{
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
		if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_X))
			continue;
		if (!r->lo || lo < r->lo)
			r->lo = lo;
		if (lo + ph->p_memsz > r->hi)
			r->hi = lo + ph->p_memsz;
	}
}

static int find_code(struct dl_phdr_info *info, size_t size, void *data)
{
	Dl_info me;

	(void)size;
	(void)data;
	if (!prog.lo)
		add_code(&prog, info); /* the first object is the program */
	else if (info->dlpi_name && strstr(info->dlpi_name, "/libstdc++.so"))
		add_code(&lib, info);
	else if (dladdr((void *)(uintptr_t)find_code, &me) &&
		 (uintptr_t)me.dli_fbase == info->dlpi_addr &&
		 info->dlpi_name && info->dlpi_name[0])
		add_code(&self, info);
	return 0;
}

/* Shared libraries are all loaded before any constructor runs.  The
 * first backtrace() loads the unwinder: done here, not in an execution. */
__attribute__((constructor)) static void cxx_rt_init(void)
{
	void *pc[2];

	dl_iterate_phdr(find_code, NULL);
	if (lib.lo)
		(void)backtrace(pc, 2);
}

/* The first caller on the stack, at most depth frames up, that is neither
 * weft nor libstdc++ and has a line of the program's own files; else the
 * first that is neither, else ra's place. */
static const struct weft_loc *program_frame(uintptr_t ra, int depth)
{
	const struct weft_loc *first = NULL;
	void *pc[16];
	int n = backtrace(pc, depth < 16 ? depth : 16);

	for (int i = 0; i < n; i++) {
		uintptr_t a = (uintptr_t)pc[i];
		const struct weft_loc *l;
		if (in(&lib, a) || in(&self, a))
			continue;
		l = weft__pc_loc(a);
		if (l->line > 0 && !weft__system_file(l->file))
			return l;
		if (!first)
			first = l;
	}
	return first ? first : weft__pc_loc(ra);
}

/* The program's call that led to libstdc++'s call of a pthread function
 * (std::thread's constructor, join()) or of syscall(): the first caller on
 * the stack that is neither weft nor libstdc++, and past the code inlined
 * from the system's headers (<future>, <thread>) when a caller in the
 * program's own files is near enough.  libstdc++ has no frame pointers;
 * the unwinder uses its unwind tables.  Without libstdc++ the caller is
 * the program. */
const struct weft_loc *weft__pt_program_loc(uintptr_t ra)
{
	return lib.lo ? program_frame(ra, 12) : weft__pc_loc(ra);
}

bool weft__pt_from_weft(uintptr_t ra)
{
	return in(&self, ra);
}

/* A call from libstdc++, or one that seems to come from the program: the
 * program's own calls were renamed, so a call with a return address in the
 * program is libstdc++'s tail call (condition_variable::wait jumps to
 * pthread_cond_wait), whose return address is its caller's.  Only in a C++
 * program: a C program's calls come only from libraries and weft. */
static bool from_libstdcxx(uintptr_t ra)
{
	return lib.lo && (in(&lib, ra) || in(&prog, ra)) && weft__pt_live();
}

bool weft__pt_from_libstdcxx(uintptr_t ra)
{
	return from_libstdcxx(ra);
}

/* Another library (libgomp's OpenMP team, a thread pool) creates a
 * thread while a test runs: a real thread, which weft neither schedules
 * nor watches, running the program's code beside the test.  Letting it
 * run verified an OpenMP loop's data race ("1 schedule"); the execution
 * is inconclusive instead, naming the library and the program's call. */
static _Noreturn __attribute__((noinline)) void foreign_thread(uintptr_t ra)
{
	/* The program's call: the library's frames have no line of the
	 * program's files, or are the system's. */
	const struct weft_loc *loc = program_frame(ra, 16);
	const char *lib_name = "a library";
	Dl_info info;

	if (dladdr((void *)ra, &info) && info.dli_fname)
		lib_name = weft__internf("%s", weft__file_base(info.dli_fname));
	weft__limit("unsupported: a library's thread", loc,
		    "%s created a thread with pthread_create while the test "
		    "ran (OpenMP's runtime, libgomp, does for a parallel "
		    "region); weft cannot schedule or watch a thread it did "
		    "not create: build the threading with pthread_create in "
		    "code compiled by weft-cc",
		    lib_name);
}

/* Each model is called in tail position, so its caller location (its
 * return address) is libstdc++'s call where the compiler makes it a
 * jump. */
int pthread_create(pthread_t *th, const pthread_attr_t *attr,
		   void *(*start)(void *), void *arg)
{
	PT_REAL(pthread_create);
	if (from_libstdcxx(PT_RA()))
		return weft__pt_create(th, attr, start, arg, start,
				       weft__pt_program_loc(PT_RA()));
	if (weft__pt_live() && !weft__pt_from_weft(PT_RA()))
		foreign_thread(PT_RA());
	if (!weft__pt_live() && !weft__pt_from_weft(PT_RA()))
		return weft__pt_premain_thread(real(th, attr, start, arg), 1);
	return real(th, attr, start, arg);
}

int pthread_join(pthread_t t, void **ret)
{
	PT_REAL(pthread_join);
	if (from_libstdcxx(PT_RA()))
		return weft__pt_join(t, ret, weft__pt_program_loc(PT_RA()));
	if (!weft__pt_live() && !weft__pt_from_weft(PT_RA()))
		return weft__pt_premain_thread(real(t, ret), -1);
	return real(t, ret);
}

int pthread_detach(pthread_t t)
{
	PT_REAL(pthread_detach);
	if (from_libstdcxx(PT_RA()))
		return __weft_pthread_detach(t);
	return real(t);
}

int pthread_cond_destroy(pthread_cond_t *c)
{
	PT_REAL(pthread_cond_destroy);
	if (from_libstdcxx(PT_RA()))
		return __weft_pthread_cond_destroy(c);
	return real(c);
}

int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
	PT_REAL(pthread_cond_wait);
	if (from_libstdcxx(PT_RA()))
		return __weft_pthread_cond_wait(c, m);
	return real(c, m);
}

int pthread_cond_signal(pthread_cond_t *c)
{
	PT_REAL(pthread_cond_signal);
	if (from_libstdcxx(PT_RA()))
		return __weft_pthread_cond_signal(c);
	return real(c);
}

int pthread_cond_broadcast(pthread_cond_t *c)
{
	PT_REAL(pthread_cond_broadcast);
	if (from_libstdcxx(PT_RA()))
		return __weft_pthread_cond_broadcast(c);
	return real(c);
}

/* std::this_thread::sleep_for and sleep_until: virtual time. */
int nanosleep(const struct timespec *req, struct timespec *rem)
{
	PT_REAL(nanosleep);
	if (from_libstdcxx(PT_RA()))
		return __weft_nanosleep(req, rem);
	return real(req, rem);
}

/* std::chrono's clocks (steady_clock::now() is in libstdc++): virtual. */
int clock_gettime(clockid_t clk, struct timespec *ts)
{
	PT_REAL(clock_gettime);
	if (from_libstdcxx(PT_RA()))
		return __weft_clock_gettime(clk, ts);
	return real(clk, ts);
}

/* std::call_once stores its callable in libstdc++'s thread-local
 * __once_call from the program's code, which reaches it at a fixed offset
 * from the thread pointer (the fiber's own TLS block, src/arch/tls.c),
 * while libstdc++'s __once_proxy reaches it through __tls_get_addr and the
 * shared DTV (the OS thread's block).  This __once_proxy, found before
 * libstdc++'s, reads it where the program wrote it: dlsym gives the OS
 * thread's address, which is moved from that thread's TCB (header.self,
 * %fs:0x10) to the fiber's (%fs:0). */
void __once_proxy(void);
void __once_proxy(void)
{
	uintptr_t a;
	void (**call)(void);

	a = (uintptr_t)dlsym(RTLD_DEFAULT, "_ZSt11__once_call");
#if defined(__x86_64__)
	uintptr_t tp, os_tp;
	__asm__("mov %%fs:0, %0" : "=r"(tp));
	__asm__("mov %%fs:0x10, %0" : "=r"(os_tp));
	if (a)
		a = a - os_tp + tp;
#endif
	call = (void (**)(void))a;
	if (!call || !*call)
		abort();
	(*call)();
}
