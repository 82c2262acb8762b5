/* src/pthread/lib_sync.c - the synchronisation of libraries weft does not
 * see: GLib's locks, condition variables, once and thread-private data,
 * libuv's, OpenMP's locks and critical sections, liburcu's grace periods.
 *
 * Such a library was not built with weft-cc.  Its lock is an atomic
 * instruction inside it, or a call of glibc's pthreads from it, which
 * runs on the one operating system thread that every test thread shares:
 * weft sees no step, no order and no owner.  A correct program guarded by
 * a GMutex was a data race; an ABBA deadlock of two GMutexes and a lost
 * update through g_mutex_trylock were verified; a GRecMutex let two test
 * threads in at once; a contended uv_mutex blocked the process until the
 * time limit (a helper's probe of GLib, libuv and OpenMP programs).
 *
 * libweft.so comes before those libraries in the program's lookup order,
 * so these definitions receive the program's calls.  During an execution
 * a call from the program (the executable, or a library of its own built
 * with weft-cc) is refused as unsupported, naming the call and the
 * library: the search still runs the other threads first (exec.c), and
 * the verdict says what weft cannot check.  Any other call (before main,
 * while the caller is the only thread, from the library itself or another
 * of the system's, or of a copy of the library built with weft-cc, whose
 * code weft does see) goes on to the library's own function.  None of
 * these blocks before the refusal.  A library linked statically is the
 * program's own code to the linker, and is not refused (README). */
#include <dlfcn.h>
#include <link.h>
#include <stdint.h>
#include <string.h>

#include "explore/explore.h"
#include "pthread/pt.h"
#include "report/report.h"

/* The functions, in the .def's order. */
enum {
#define LIB_SYNC(name) SYNC_##name,
#define LIB_SYNC_WAIT(name) SYNC_##name,
#include "pthread/lib_sync.def"
#undef LIB_SYNC
#undef LIB_SYNC_WAIT
	NSYNC
};

/* Each one's name, whether it waits, the library's own definition and
 * whether weft sees its code (a copy built with weft-cc): all found by
 * the constructor below, before any execution, since a dladdr in the
 * middle of one changed what a re-run of it saw (a GWeakRef program
 * "took a different path": a review's probe). */
static struct sync_fn {
	const char *name;
	bool wait, seen;
	long (*real)(long, long, long, long, long, long);
	const char *lib;
} fns[NSYNC] = {
#define LIB_SYNC(name) { #name, false, false, NULL, NULL },
#define LIB_SYNC_WAIT(name) { #name, true, false, NULL, NULL },
#include "pthread/lib_sync.def"
#undef LIB_SYNC
#undef LIB_SYNC_WAIT
};

/* The program's code: the executable's and its own libraries' loaded
 * segments (weft__user_objects), where a call is the program's. */
#define RANGES 32
static struct {
	uintptr_t lo, hi;
} prog[RANGES];
static int nprog;

static void add_object(struct dl_phdr_info *info, bool main, void *data)
{
	(void)main;
	(void)data;
	for (int i = 0; i < info->dlpi_phnum && nprog < RANGES; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_X))
			continue;
		prog[nprog].lo = info->dlpi_addr + ph->p_vaddr;
		prog[nprog++].hi = info->dlpi_addr + ph->p_vaddr + ph->p_memsz;
	}
}

/* The loader's count of objects loaded when prog[] was made. */
static unsigned long long prog_adds;

static int count_adds(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	*(unsigned long long *)data = info->dlpi_adds;
	return 1;
}

static unsigned long long loaded_adds(void)
{
	unsigned long long adds = 0;

	dl_iterate_phdr(count_adds, &adds);
	return adds;
}

static void find_program(void)
{
	nprog = 0;
	prog_adds = loaded_adds();
	weft__user_objects(add_object, NULL);
}

static bool in_program(uintptr_t ra)
{
	for (int i = 0; i < nprog; i++)
		if (ra >= prog[i].lo && ra < prog[i].hi)
			return true;
	return false;
}

/* A library of the program's own that it opened with dlopen after main
 * began (a plugin) is the program's too: the ranges are made again when
 * the loader has loaded more since (its calls were forwarded, and a
 * GMutex-guarded counter in a plugin was a false data race: a review's
 * probe). */
static bool from_program(uintptr_t ra)
{
	if (in_program(ra))
		return true;
	if (loaded_adds() == prog_adds)
		return false;
	find_program();
	return in_program(ra);
}

/* The library a function of name's family lives in, for a program linked
 * with --as-needed, which drops a library when libweft.so defines all it
 * uses of it (opened at the function's first call, which then is a
 * program's that links it). */
static void *library_of(const char *name)
{
	static const char *const urcu[] = {
		"liburcu.so.8", "liburcu-memb.so.8", "liburcu-mb.so.8",
		"liburcu-signal.so.8", "liburcu-qsbr.so.8", "liburcu-bp.so.8",
		"liburcu.so.6", "liburcu-mb.so.6", "liburcu-qsbr.so.6",
		"liburcu-bp.so.6", "liburcu-signal.so.6"
	};
	void *h, *f;

	if (!strncmp(name, "g_", 2))
		return dlopen("libglib-2.0.so.0", RTLD_NOW | RTLD_GLOBAL);
	if (!strncmp(name, "uv_", 3))
		return dlopen("libuv.so.1", RTLD_NOW | RTLD_GLOBAL);
	if (!strncmp(name, "omp_", 4) || !strncmp(name, "GOMP_", 5))
		return dlopen("libgomp.so.1", RTLD_NOW | RTLD_GLOBAL);
	for (size_t i = 0; i < sizeof urcu / sizeof urcu[0]; i++)
		if ((h = dlopen(urcu[i], RTLD_NOW | RTLD_GLOBAL))) {
			if ((f = dlsym(h, name)))
				return h;
			dlclose(h);
		}
	return NULL;
}

/* f's library definition; opening the library it belongs to only when
 * open is set (a call of it was made: the program's constructor, or its
 * first call), never for a program that does not use the library. */
static void resolve(struct sync_fn *f, bool open)
{
	Dl_info di;
	void *h, *r = dlsym(RTLD_NEXT, f->name);

	if (!r && open && (h = library_of(f->name)))
		r = dlsym(h, f->name);
	if (r && dladdr(r, &di) && di.dli_fname) {
		f->seen = weft__user_object(di.dli_fname);
		f->lib = weft__file_base(di.dli_fname);
	}
	*(void **)&f->real = r;
}

/* Before main, so that no execution looks anything up.  (Another
 * library's constructor may call one of these first, GObject's type
 * system a GRWLock: that call resolves its own.) */
__attribute__((constructor)) static void lib_sync_init(void)
{
	find_program();
	for (int i = 0; i < NSYNC; i++)
		if (!fns[i].real)
			resolve(&fns[i], false);
}

/* The search ends with this execution: the library keeps state weft
 * does not restore (what the refused call and those before it did), and
 * a later execution ran on it: a correct liburcu reader's second
 * execution failed liburcu's own assertion that the thread was not yet
 * registered, and that crash was the verdict, which its replay token did
 * not reproduce (a probe of programs using libraries). */
static _Noreturn __attribute__((noinline, cold)) void
refuse(const struct sync_fn *f, uintptr_t ra)
{
	weft__explore_stop();
	weft__limit(weft__internf("unsupported: %s", f->name),
		    weft__pc_loc(ra),
		    "the program synchronises with %s of %s, which was not "
		    "built with weft-cc: weft sees neither its steps nor the "
		    "order it makes, so it can check nothing that depends on "
		    "it (use pthreads or C11 atomics, or build the library "
		    "with weft-cc)",
		    f->name, f->lib ? f->lib : "its library");
}

/* A call of the program's while another of its threads may run (or one
 * that waits for another thread, which alone would wait for ever) is
 * refused; one made while the caller is the only thread (set-up in main,
 * a type's registration, an exit handler) goes through, and the library's
 * state stays its own. */
static long call(int i, uintptr_t ra, long a, long b, long c, long d, long e,
		 long g)
{
	struct sync_fn *f = &fns[i];

	if (!f->real)
		resolve(f, true);
	if (weft__pt_live() && !f->seen && from_program(ra) &&
	    (f->wait || weft__live_threads() > 1))
		refuse(f, ra);
	if (!f->real)
		weft__die("the program calls %s, and no library loaded "
			  "defines it", f->name);
	return f->real(a, b, c, d, e, g);
}

/* The library's function name, forwarded as called: six integer or
 * pointer arguments at most and an integer, pointer or no result, which
 * on this ABI pass through untouched whatever the real prototype (none
 * of these takes a floating-point or a seventh argument). */
#define LIB_SYNC(name)                                                        \
	long name(long a, long b, long c, long d, long e, long f);            \
	long name(long a, long b, long c, long d, long e, long f)             \
	{                                                                     \
		return call(SYNC_##name, PT_RA(), a, b, c, d, e, f);          \
	}
#define LIB_SYNC_WAIT(name) LIB_SYNC(name)
#include "pthread/lib_sync.def"
#undef LIB_SYNC
#undef LIB_SYNC_WAIT
