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
 * from the library itself or another of the system's, or of a copy of the
 * library built with weft-cc, whose code weft does see) goes on to the
 * library's own function.  None of these blocks before the refusal. */
#include <dlfcn.h>
#include <link.h>
#include <stdint.h>
#include <string.h>

#include "pthread/pt.h"
#include "report/report.h"

/* The executable's first byte, as dladdr reports an object's base. */
static uintptr_t exe_base;

static int first_object(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	(void)data;
	for (int i = 0; i < info->dlpi_phnum; i++)
		if (info->dlpi_phdr[i].p_type == PT_LOAD &&
		    info->dlpi_phdr[i].p_offset == 0) {
			exe_base = info->dlpi_addr + info->dlpi_phdr[i].p_vaddr;
			break;
		}
	return 1; /* the executable is listed first */
}

/* Whether the call at return address ra is the program's own. */
static bool from_program(uintptr_t ra)
{
	Dl_info di;

	if (!exe_base)
		dl_iterate_phdr(first_object, NULL);
	if (!dladdr((void *)ra, &di))
		return false;
	return (uintptr_t)di.dli_fbase == exe_base ||
	       (di.dli_fname && weft__user_object(di.dli_fname));
}

/* Whether function f lives in an object built with weft-cc. */
static bool seen(const void *f)
{
	Dl_info di;

	return f && dladdr(f, &di) && di.dli_fname &&
	       weft__user_object(di.dli_fname);
}

static _Noreturn __attribute__((noinline, cold)) void
refuse(const char *name, const void *real, uintptr_t ra)
{
	const char *lib = "its library";
	Dl_info di;

	if (real && dladdr(real, &di) && di.dli_fname)
		lib = weft__internf("%s", weft__file_base(di.dli_fname));
	weft__limit(weft__internf("unsupported: %s", name), weft__pc_loc(ra),
		    "the program synchronises its threads with %s of %s, "
		    "which was not built with weft-cc: weft sees neither "
		    "its steps nor the order it makes, so it can check "
		    "nothing that depends on it (use pthreads or C11 "
		    "atomics, or build the library with weft-cc)",
		    name, lib);
}

/* The library's function name, forwarded as called: six integer or
 * pointer arguments at most and an integer, pointer or no result, which
 * on this ABI pass through untouched whatever the real prototype (none
 * of these takes a floating-point or a seventh argument). */
#define LIB_SYNC(name)                                                        \
	long name(long a, long b, long c, long d, long e, long f);            \
	long name(long a, long b, long c, long d, long e, long f)             \
	{                                                                     \
		static long (*real)(long, long, long, long, long, long);      \
		uintptr_t ra = PT_RA();                                       \
		if (!real)                                                    \
			*(void **)&real = dlsym(RTLD_NEXT, #name);            \
		if (weft__pt_live() && from_program(ra) &&                    \
		    !seen((const void *)real))                                \
			refuse(#name, (const void *)real, ra);                \
		if (!real)                                                    \
			weft__die("%s is called, and no library defines it",  \
				  #name);                                     \
		return real(a, b, c, d, e, f);                                \
	}
#include "pthread/lib_sync.def"
#undef LIB_SYNC
