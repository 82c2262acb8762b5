/* src/arch/tls.c - a static TLS block for each fiber (x86_64, glibc).
 *
 * x86_64 uses TLS variant II: the thread pointer (the %fs base) points at
 * the TCB (glibc's struct pthread, whose first word is a pointer to
 * itself), and the static TLS blocks of the executable and of the
 * libraries loaded at start-up lie just below it, at fixed negative
 * offsets that the code has compiled in (%fs:-8) or reads from the GOT.
 * A fiber's block is a copy of that whole area, [tp - below, tp + tcb),
 * taken from the OS thread once, when its stack is made:
 *  - the executable's part is re-initialised whenever a test thread starts
 *    on it (weft__tls_thread_init), from the PT_TLS image as for a new
 *    thread, or for the test body from the values the program's
 *    constructors left, since main runs on the initial thread natively;
 *  - the C library's part (errno, malloc's tcache pointer, locale and
 *    ctype pointers ...) stays a copy of the OS thread's, so that libc
 *    keeps behaving as the one thread it really runs on, except that
 *    errno is each fiber's own;
 *  - the TCB is copied with its stack guard (%fs:0x28) and pointer guard
 *    (%fs:0x30), which code compiled on one fiber checks on another, and
 *    its self pointer at %fs:0 is set to the copy, since TLS addresses
 *    are computed from it.  header.self (%fs:0x10, what pthread_self()
 *    and libc's recursive stdio locks use) stays the OS thread's: to libc
 *    every fiber is that thread, as before.
 * The DTV is shared: variables that shared libraries reach through
 * __tls_get_addr (general-dynamic code) and the TLS of modules loaded
 * later with dlopen are the OS thread's, shared by all test threads.
 *
 * The sizes come from glibc's private interface for debuggers and
 * threads (_dl_get_tls_static_info, _thread_db_sizeof_pthread), looked up
 * with dlsym; without them fibers share the thread's TLS as they do on
 * other machines, with a warning when the program has __thread data.
 *
 * Cost: switching the %fs base is one wrfsbase where the kernel enables
 * FSGSBASE (AT_HWCAP2), about 15 ns, but an arch_prctl system call
 * (about 200 ns) elsewhere.  Fibers always get their own blocks (errno
 * is each thread's own); without wrfsbase and without TLS of the
 * executable's own they are used in swap mode (below), which for a
 * program without any TLS copies errno alone.  The libraries count: the
 * C++ runtime keeps std::call_once's callable in a thread-local pointer,
 * and with one shared block two threads' call_once calls raced on it (a
 * false data race, and a crash when one ran the other's callable) on
 * machines without FSGSBASE.  There, when the executable has no TLS of
 * its own, the thread pointer stays put and the switch swaps contents
 * instead (swap mode): the libraries' TLS segments and errno, a few dozen
 * bytes, are copied out to the block of the fiber left and in from the
 * block of the fiber resumed.  An arch_prctl per switch made C++ programs
 * about 5 times slower; and since the OS thread's own area always holds
 * the running fiber's values, a library's accesses through
 * __tls_get_addr (which reach that area, not a fiber's copy) see them
 * too.  The price: every fiber's copy of such a variable has one address,
 * so the race detector does not report accesses there
 * (weft__tls_swapped), and a pointer to one thread's copy used by another
 * reaches the other's.  The executable's own __thread variables are never
 * swapped: with them the thread pointer moves, by system call.
 * WEFT_FIBER_TLS=0 in the environment turns the blocks off (fibers share
 * the thread's TLS, as before), to rule them out when hunting a problem;
 * WEFT_FIBER_TLS=syscall decides as if FSGSBASE were missing (the system
 * call, or swap mode), so that a machine that has it tests those paths
 * too (tests/cli/tls_syscall.sh). */
#include "arch/tls.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A sanitizer runtime keeps its own per-thread state in static TLS and
 * expects fibers to share it (its fiber-switch interface says so): in a
 * sanitizer build of weft, fibers share the thread's TLS. */
#if defined(__SANITIZE_ADDRESS__)
#define WEFT_TLS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WEFT_TLS_SANITIZER 1
#endif
#endif

#if defined(__x86_64__) && defined(__GLIBC__) && !defined(WEFT_TLS_SANITIZER)

#include <dlfcn.h>
#include <errno.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "arch/switch.h"
#include "internal.h"

#ifndef HWCAP2_FSGSBASE
#define HWCAP2_FSGSBASE (1 << 1)
#endif
#define ARCH_SET_FS_ 0x1002

/* Defined in switch_x86_64.S (or below for the ucontext build). */
#ifdef WEFT_USE_UCONTEXT
char weft__tls_wrfsbase;
#endif

/* Swap mode's segments, as offsets from the thread pointer. */
#define MAX_SEGS 16
struct seg {
	ptrdiff_t off;
	size_t len;
};

struct tls_layout {
	int state;              /* 0 not decided, 1 on, -1 off */
	size_t below, tcb;      /* bytes under and over the thread pointer */
	size_t align;
	char *real_tp;          /* the OS thread's thread pointer */
	size_t errno_off;       /* errno's offset from the thread pointer */
	/* the executable's block, at tp - exe_off */
	size_t exe_off, exe_filesz, exe_memsz;
	const char *exe_image;  /* PT_TLS initialisation image */
	char *exe_start;        /* its contents after the constructors */
	bool swap;              /* swap mode (see the top) */
	int nsegs;
	struct seg segs[MAX_SEGS];
	/* The runtime libraries' blocks in the static area (libstdc++'s,
	 * ...: lib_cb's), which a new thread gets at their initial values as
	 * the executable's. */
	int nlibs;
	bool libs_outside;      /* a block not among them (lib_cb) */
	struct lib_tls {
		ptrdiff_t off;          /* from the thread pointer */
		size_t filesz, memsz;
		const char *image;      /* PT_TLS initialisation image */
		char *start;            /* the OS thread's, for the test body */
	} libs[MAX_SEGS];
};
static struct tls_layout L;
struct weft__tls_swapper weft__tls_sw;

static void *tp_now(void)
{
	void *tp;

	__asm__ volatile("movq %%fs:0, %0" : "=r"(tp));
	return tp;
}

static void tp_set(void *tp)
{
	if (weft__tls_wrfsbase)
		__asm__ volatile("wrfsbase %0" : : "r"(tp) : "memory");
	else
		syscall(SYS_arch_prctl, ARCH_SET_FS_, tp);
}

static int exe_cb(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	(void)data;
	/* The first object is the executable. */
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		if (ph->p_type != PT_TLS || !info->dlpi_tls_data)
			continue;
		L.exe_off = (size_t)(L.real_tp - (char *)info->dlpi_tls_data);
		L.exe_filesz = ph->p_filesz;
		L.exe_memsz = ph->p_memsz;
		L.exe_image = (const char *)(info->dlpi_addr + ph->p_vaddr);
	}
	return 1;
}

/* Whether a loaded object is a runtime library whose thread-local
 * variables are the program's per-thread state: not the executable
 * (exe_cb's), the C library, the dynamic linker, libm, weft or the vDSO. */
static bool runtime_lib(const char *name)
{
	static const char *const own[] = { "/libc.so", "/ld-linux", "/libweft",
					   "/libm.so", "linux-vdso" };

	if (!name || !name[0])
		return false; /* the executable: exe_cb's */
	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
		if (strstr(name, own[i]))
			return false;
	return true;
}

/* The runtime libraries' thread-local blocks, whose per-thread state
 * the fibers must not share: those in the static area into L.libs (for
 * weft__tls_thread_init, and swap mode's segments); one outside it, or
 * one too many, sets L.libs_outside (swap mode then stays off). */
static int lib_cb(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	(void)data;
	if (!runtime_lib(info->dlpi_name))
		return 0;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		if (ph->p_type != PT_TLS || !ph->p_memsz)
			continue;
		if (!info->dlpi_tls_data || L.nlibs == MAX_SEGS) {
			L.libs_outside = true;
			continue;
		}
		L.libs[L.nlibs++] = (struct lib_tls){
			.off = (char *)info->dlpi_tls_data - L.real_tp,
			.filesz = ph->p_filesz, .memsz = ph->p_memsz,
			.image = (const char *)(info->dlpi_addr + ph->p_vaddr) };
	}
	return 0;
}

/* A persistent copy of n bytes at p: a block's values after the
 * constructors. */
static char *snapshot(const char *p, size_t n)
{
	char *c = weft__persistent_alloc(n);

	memcpy(c, p, n);
	return c;
}

/* A new thread's copy of a module's TLS block at at: the values start
 * holds (the test body's: the OS thread's after the constructors), or,
 * with start NULL, the PT_TLS image and zeros to memsz, as a new thread
 * of a real process gets. */
static void block_init(char *at, const char *start, const char *image,
		       size_t filesz, size_t memsz)
{
	if (start) {
		memcpy(at, start, memsz);
		return;
	}
	memcpy(at, image, filesz);
	memset(at + filesz, 0, memsz - filesz);
}
/* The glibc layout of the calling thread's static TLS; false when glibc
 * does not tell it. */
static bool read_layout(void)
{
	void (*info)(size_t *, size_t *) =
		(void (*)(size_t *, size_t *))dlsym(RTLD_DEFAULT,
						    "_dl_get_tls_static_info");
	const uint32_t *tcb = dlsym(RTLD_DEFAULT, "_thread_db_sizeof_pthread");
	size_t size = 0, align = 0;

	if (!info || !tcb)
		return false;
	info(&size, &align);
	if (align < 16)
		align = 16;
	if (*tcb < 0x40 || size < *tcb || (align & (align - 1)))
		return false;
	L.tcb = *tcb;
	L.below = size - L.tcb;
	L.align = align;
	L.real_tp = tp_now();
	L.errno_off = (size_t)((char *)&errno - L.real_tp);
	dl_iterate_phdr(exe_cb, NULL);
	return L.exe_off <= L.below && L.exe_memsz <= L.exe_off;
}

static void decide(void)
{
	bool fsgsbase = (getauxval(AT_HWCAP2) & HWCAP2_FSGSBASE) != 0;
	const char *env = getenv("WEFT_FIBER_TLS");

	L.state = -1;
	if (env && !strcmp(env, "0"))
		return;
	if (env && !strcmp(env, "syscall"))
		fsgsbase = false;
	if (!read_layout()) {
		if (L.exe_memsz)
			fprintf(stderr, "weft: cannot give test threads their "
					"own TLS on this C library; __thread "
					"variables are shared by all threads\n");
		return;
	}
	weft__tls_wrfsbase = fsgsbase;
	dl_iterate_phdr(lib_cb, NULL);
	if (!L.exe_memsz && !fsgsbase && !L.libs_outside &&
	    L.nlibs < MAX_SEGS) {
		/* Swap mode even when no library has TLS: errno alone is a
		 * 4-byte copy per switch.  Sharing it made one thread's
		 * errno another's (a false data race on errno, and a value
		 * that changed under a thread between its call and its
		 * check).  (A library's block outside the static area left
		 * the mode on, with errno's segment written before the
		 * array.) */
		for (int i = 0; i < L.nlibs; i++)
			L.segs[L.nsegs++] = (struct seg){ L.libs[i].off,
							  L.libs[i].memsz };
		L.segs[L.nsegs++] = (struct seg){ (ptrdiff_t)L.errno_off,
						  sizeof(int) };
		L.swap = true;
	}
	/* The executable's variables as its constructors left them, for
	 * the test body of every execution, and so the runtime libraries'
	 * (a fiber's block holds its values in both modes; swap mode copies
	 * them in and out at each switch). */
	if (L.exe_memsz)
		L.exe_start = snapshot(L.real_tp - L.exe_off, L.exe_memsz);
	for (int i = 0; i < L.nlibs; i++)
		L.libs[i].start = snapshot(L.real_tp + L.libs[i].off,
					   L.libs[i].memsz);
	L.state = 1;
	if (L.swap) {
		bool errno_only = L.nsegs == 1 &&
				  L.segs[0].len == sizeof(int) &&
				  L.segs[0].off == (ptrdiff_t)L.errno_off;

		weft__tls_sw.native = weft__tls_block_new();
		weft__tls_sw.errno_at = L.real_tp + L.errno_off;
		weft__tls_sw.errno_off = (long)L.errno_off;
		weft__tls_sw.mode = errno_only ? 1 : 2;
	}
}

bool weft__tls_enabled(void)
{
	if (!L.state)
		decide();
	return L.state > 0;
}

size_t weft__tls_block_bytes(void)
{
	return L.below + L.tcb + L.align;
}

void *weft__tls_block_new(void)
{
	return weft__tls_block_at(
		weft__persistent_alloc(weft__tls_block_bytes()));
}

void *weft__tls_block_at(void *mem)
{
	char *m = mem;
	uintptr_t tp = ((uintptr_t)m + L.below + L.align - 1) &
		       ~(uintptr_t)(L.align - 1);
	char *t = (char *)tp;

	memcpy(t - L.below, L.real_tp - L.below, L.below + L.tcb);
	*(void **)(void *)t = t; /* header.tcb: the TCB's self pointer */
	/* In swap mode the area holds the running fiber's values: a new
	 * block starts from the OS thread's. */
	if (L.swap && weft__tls_sw.cur)
		for (int i = 0; i < L.nsegs; i++)
			memcpy(t + L.segs[i].off,
			       weft__tls_sw.native + L.segs[i].off,
			       L.segs[i].len);
	return t;
}

bool weft__tls_swapping(void)
{
	return L.swap;
}

bool weft__tls_swapped(const void *addr)
{
	const char *a = addr;

	if (!L.swap)
		return false;
	for (int i = 0; i < L.nsegs; i++)
		if (a >= L.real_tp + L.segs[i].off &&
		    a < L.real_tp + L.segs[i].off + (ptrdiff_t)L.segs[i].len)
			return true;
	return false;
}

void weft__tls_swap_segs(char *from, char *dst)
{
	for (int i = 0; i < L.nsegs; i++) {
		const struct seg *s = &L.segs[i];

		memcpy(from + s->off, L.real_tp + s->off, s->len);
		memcpy(L.real_tp + s->off, dst + s->off, s->len);
	}
}

void weft__tls_thread_init(void *tp, bool body)
{
	if (L.exe_memsz)
		block_init((char *)tp - L.exe_off, body ? L.exe_start : NULL,
			   L.exe_image, L.exe_filesz, L.exe_memsz);
	/* The libraries' variables too: a block is reused from execution to
	 * execution, and what an earlier execution's thread left there (the
	 * pointers libstdc++'s std::call_once keeps in __once_callable) made
	 * a later thread's write of the same values no progress, a spinner
	 * stay deferred, and the search depend on the executions before it
	 * (a part of a split search explored other schedules than one
	 * process: tests/cli/parts.sh, future_wait_for). */
	for (int i = 0; i < L.nlibs; i++) {
		const struct lib_tls *b = &L.libs[i];
		block_init((char *)tp + b->off, body ? b->start : NULL,
			   b->image, b->filesz, b->memsz);
	}
	memset((char *)tp + L.errno_off, 0, sizeof(int));
}

bool weft__tls_exe_span(void *tp, const char **lo, const char **hi)
{
	if (!tp || !L.exe_memsz)
		return false;
	*lo = (const char *)tp - L.exe_off;
	*hi = *lo + L.exe_memsz;
	return true;
}

bool weft__tls_errno_span(void *tp, const char **lo, const char **hi)
{
	if (!tp || L.state <= 0 || L.swap)
		return false;
	*lo = (const char *)tp + L.errno_off;
	*hi = *lo + sizeof(int);
	return true;
}

void weft__tls_switch(void **save, void *to)
{
	void *cur = tp_now();

	*save = cur;
	if (to && to != cur)
		tp_set(to);
}

#else /* fibers share the OS thread's TLS */

bool weft__tls_enabled(void)
{
	return false;
}

void *weft__tls_block_new(void)
{
	return NULL;
}

size_t weft__tls_block_bytes(void)
{
	return 0;
}

void *weft__tls_block_at(void *m)
{
	(void)m;
	return NULL;
}

void weft__tls_thread_init(void *tp, bool body)
{
	(void)tp;
	(void)body;
}

bool weft__tls_exe_span(void *tp, const char **lo, const char **hi)
{
	(void)tp;
	(void)lo;
	(void)hi;
	return false;
}

bool weft__tls_errno_span(void *tp, const char **lo, const char **hi)
{
	(void)tp;
	(void)lo;
	(void)hi;
	return false;
}

void weft__tls_switch(void **save, void *to)
{
	(void)save;
	(void)to;
}

bool weft__tls_swapping(void)
{
	return false;
}

bool weft__tls_swapped(const void *addr)
{
	(void)addr;
	return false;
}

struct weft__tls_swapper weft__tls_sw;

void weft__tls_swap_segs(char *from, char *dst)
{
	(void)from;
	(void)dst;
}

#endif
