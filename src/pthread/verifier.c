/* src/pthread/verifier.c - the SV-COMP concurrency benchmark convention.
 *
 * Programs written for the SV-COMP concurrency categories run unmodified:
 *  - __VERIFIER_nondet_<type>() is an explored choice.  Exhaustive
 *    exploration cannot enumerate a whole int, so each returns a value from
 *    a small fixed set that covers the usual boundary cases: signed types
 *    one of {0, 1, 2, -1}, unsigned types and sizes {0, 1, 2, UMAX},
 *    _Bool/bool {0, 1}, char {0, 1, -1}, pointers {NULL, a non-NULL
 *    dummy}, floating types {0, 1, -1}.  A verdict holds for these values
 *    only, and says so: the first draw of each type in an execution states
 *    its set through weft__verdict_note (verifier_weak.c).
 *  - __VERIFIER_assume(c) prunes executions where c is false, and so does
 *    abort() called from the idiom assume_abort_if_not(c) (main.c).
 *  - __VERIFIER_atomic_begin/end make the enclosed code one atomic
 *    block: no other thread is scheduled while the thread inside can run
 *    (weft__atomic_begin), and no preemption at racing sites.  So does a
 *    call of any function of the program whose name starts with
 *    __VERIFIER_atomic_.
 *  - Calling reach_error() is the property violation, an `assertion` bug
 *    at the call, whatever its body does (often nothing, then abort());
 *    so are __VERIFIER_error() and a failed assert() (__assert_fail).
 *
 * Function calls are seen through the entry/exit hooks of gcc's and
 * clang's -finstrument-functions, which weft-cc must pass for this (see
 * fn_enter): unlike ThreadSanitizer's __tsan_func_entry, they are inserted
 * before inlining and into empty functions, so an inlined
 * __VERIFIER_atomic_ function or an empty reach_error() is still seen.
 * Without them, reach_error() is seen only when its body calls assert,
 * __assert_fail, abort or __VERIFIER_error.  None of these block. */
#include <elf.h>
#include <fcntl.h>
#include <limits.h>
#include <link.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "sync/sync.h"

#define RA() ((uintptr_t)__builtin_return_address(0))

/* ---- nondeterministic values --------------------------------------------- */

/* weft__verdict_note keys of the value sets: NOTE_KEY + kind. */
#define NOTE_KEY 0x4e4f4e4445540000ull

static uint32_t drawn; /* kinds drawn in this execution, one bit each */

/* ra: the return address into the program, for the trace. */
static int pick(int n, int kind, const char *what, const char *values,
		uintptr_t ra)
{
	if (!weft__pt_live())
		return 0;
	if (!(drawn >> kind & 1)) {
		drawn |= 1u << kind;
		weft__verdict_note(NOTE_KEY + (uint64_t)kind, values);
	}
	return weft__choose(n, what, weft__pc_loc(ra));
}

#define SIGNED(T, name, kind)                                                 \
	T __VERIFIER_nondet_##name(void)                                      \
	{                                                                     \
		static const T v[] = { 0, 1, 2, -1 };                         \
		return v[pick(4, kind, "__VERIFIER_nondet_" #name,            \
			      "nondet values: __VERIFIER_nondet_" #name       \
			      "() from {0,1,2,-1}",                           \
			      RA())];                                         \
	}
#define UNSIGNED(T, name, max, kind)                                          \
	T __VERIFIER_nondet_##name(void)                                      \
	{                                                                     \
		static const T v[] = { 0, 1, 2, max };                        \
		return v[pick(4, kind, "__VERIFIER_nondet_" #name,            \
			      "nondet values: __VERIFIER_nondet_" #name       \
			      "() from {0,1,2," #max "}",                     \
			      RA())];                                         \
	}

SIGNED(int, int, 0)
SIGNED(long, long, 1)
SIGNED(short, short, 2)
SIGNED(long long, longlong, 3)
UNSIGNED(unsigned, uint, UINT_MAX, 4)
UNSIGNED(unsigned, unsigned, UINT_MAX, 5)
UNSIGNED(unsigned long, ulong, ULONG_MAX, 6)
UNSIGNED(unsigned short, ushort, USHRT_MAX, 7)
UNSIGNED(unsigned long long, ulonglong, ULLONG_MAX, 8)
UNSIGNED(unsigned char, uchar, UCHAR_MAX, 9)
UNSIGNED(unsigned long, size_t, ULONG_MAX, 10)
UNSIGNED(unsigned, u32, UINT_MAX, 11)

char __VERIFIER_nondet_char(void)
{
	static const char v[] = { 0, 1, -1 };
	return v[pick(3, 12, "__VERIFIER_nondet_char",
		      "nondet values: __VERIFIER_nondet_char() from {0,1,-1}",
		      RA())];
}

_Bool __VERIFIER_nondet_bool(void)
{
	return pick(2, 13, "__VERIFIER_nondet_bool",
		    "nondet values: __VERIFIER_nondet_bool() from {0,1}", RA());
}

_Bool __VERIFIER_nondet__Bool(void)
{
	return pick(2, 13, "__VERIFIER_nondet_bool",
		    "nondet values: __VERIFIER_nondet_bool() from {0,1}", RA());
}

void *__VERIFIER_nondet_pointer(void)
{
	static char dummy;
	return pick(2, 14, "__VERIFIER_nondet_pointer",
		    "nondet values: __VERIFIER_nondet_pointer() from {NULL, "
		    "one non-NULL pointer}",
		    RA())
		       ? &dummy
		       : NULL;
}

double __VERIFIER_nondet_double(void)
{
	static const double v[] = { 0, 1, -1 };
	return v[pick(3, 15, "__VERIFIER_nondet_double",
		      "nondet values: __VERIFIER_nondet_double() from {0,1,-1}",
		      RA())];
}

float __VERIFIER_nondet_float(void)
{
	static const float v[] = { 0, 1, -1 };
	return v[pick(3, 16, "__VERIFIER_nondet_float",
		      "nondet values: __VERIFIER_nondet_float() from {0,1,-1}",
		      RA())];
}

void __VERIFIER_assume(int cond)
{
	if (!cond && weft__pt_live())
		weft__prune();
}

/* Sections are the core's atomic sections: scheduling points on one
 * section object (ordered by happens-before, both orders explored), and no
 * other thread runs while the thread inside can. */
void __VERIFIER_atomic_begin(void)
{
	if (!weft__pt_live())
		return;
	weft__atomic_begin("__VERIFIER_atomic_begin", WEFT__CALLER_LOC());
	weft__race_atomic_section(1);
}

void __VERIFIER_atomic_end(void)
{
	if (!weft__pt_live())
		return;
	weft__race_atomic_section(-1);
	weft__atomic_end("__VERIFIER_atomic_end", WEFT__CALLER_LOC());
}

/* ---- the program's marked functions -------------------------------------- */

/* The functions of the program the convention gives a meaning, found by
 * name in the executable's symbol table once per process: hooks receive
 * a function's address, and looking each address up by name
 * (addr2line) would cost a query per function of the program. */
enum { FN_OTHER, FN_ATOMIC, FN_REACH_ERROR };

#define MAX_MARKED 1024

struct marked {
	uintptr_t addr;
	size_t size;
	int cls;
};
static struct marked marked[MAX_MARKED];
static int nmarked;
static bool scanned, too_many;

static int name_class(const char *nm)
{
	if (!strcmp(nm, "reach_error"))
		return FN_REACH_ERROR;
	if (!strncmp(nm, "__VERIFIER_atomic_", 18) &&
	    strcmp(nm, "__VERIFIER_atomic_begin") != 0 &&
	    strcmp(nm, "__VERIFIER_atomic_end") != 0)
		return FN_ATOMIC;
	return FN_OTHER;
}

static void scan_table(const char *m, size_t len, const ElfW(Shdr) *sh,
		       const ElfW(Shdr) *str, uintptr_t base)
{
	const ElfW(Sym) *s = (const ElfW(Sym) *)(m + sh->sh_offset);

	if (sh->sh_offset + sh->sh_size > len ||
	    str->sh_offset + str->sh_size > len)
		return;
	for (size_t i = 0; i < sh->sh_size / sizeof *s; i++) {
		int cls;
		if (ELF64_ST_TYPE(s[i].st_info) != STT_FUNC || !s[i].st_value ||
		    s[i].st_shndx == SHN_UNDEF || s[i].st_name >= str->sh_size)
			continue;
		cls = name_class(m + str->sh_offset + s[i].st_name);
		if (cls == FN_OTHER)
			continue;
		if (nmarked == MAX_MARKED) {
			too_many = true;
			return;
		}
		marked[nmarked++] = (struct marked){ base + s[i].st_value,
						     s[i].st_size, cls };
	}
}

static int base_cb(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	*(uintptr_t *)data = info->dlpi_addr; /* the first is the program */
	return 1;
}

static void scan_symbols(void)
{
	const ElfW(Ehdr) *eh;
	const ElfW(Shdr) *sh;
	uintptr_t base = 0;
	struct stat st;
	char *m;
	int fd;

	scanned = true;
	dl_iterate_phdr(base_cb, &base);
	if ((fd = open("/proc/self/exe", O_RDONLY)) < 0)
		return;
	if (fstat(fd, &st) != 0 || st.st_size < (off_t)sizeof *eh ||
	    (m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd,
		      0)) == MAP_FAILED) {
		close(fd);
		return;
	}
	close(fd);
	eh = (const ElfW(Ehdr) *)m;
	sh = (const ElfW(Shdr) *)(m + eh->e_shoff);
	if (!memcmp(eh->e_ident, ELFMAG, SELFMAG) &&
	    eh->e_shoff + (size_t)eh->e_shnum * sizeof *sh <= (size_t)st.st_size)
		for (int i = 0; i < eh->e_shnum; i++)
			if (sh[i].sh_type == SHT_SYMTAB &&
			    sh[i].sh_link < eh->e_shnum)
				scan_table(m, (size_t)st.st_size, &sh[i],
					   &sh[sh[i].sh_link], base);
	munmap(m, (size_t)st.st_size);
}

static const struct marked *marked_at(uintptr_t pc, bool exact)
{
	if (!scanned)
		scan_symbols();
	for (int i = 0; i < nmarked; i++)
		if (exact ? pc == marked[i].addr
			  : pc - marked[i].addr < (marked[i].size ? marked[i].size : 1))
			return &marked[i];
	return NULL;
}

/* ---- reach_error() ------------------------------------------------------- */

/* Whether the code at return address ra is reach_error's (its body, even
 * inlined: addr2line names the innermost inlined function). */
bool weft__pt_in_reach_error(uintptr_t ra)
{
	const char *f = weft__pc_loc(ra)->func;

	return f && !strcmp(f, "reach_error");
}

/* The violation, at the call of reach_error.  ra is a return address in
 * reach_error's code; site, when known, the return address of the call.
 * When reach_error was not inlined (ra is inside its symbol), its caller
 * is also the innermost frame of the instrumentation's function stack.
 * An inlined call left no address of its own: the report shows the line
 * in reach_error instead. */
_Noreturn void weft__pt_reach_error(uintptr_t ra, uintptr_t site)
{
	const struct marked *f = marked_at(ra, false);
	uintptr_t frame;

	if (f && f->cls == FN_REACH_ERROR) {
		if (!site && weft__race_stack(&frame, 1) == 1)
			site = frame;
		if (site)
			weft__fail("assertion", weft__pc_loc(site),
				   "reach_error() reached");
	}
	weft__fail("assertion", weft__pc_loc(ra),
		   "reach_error() reached (its call was inlined; the place "
		   "is in reach_error)");
}

void __VERIFIER_error(void)
{
	if (!weft__pt_live())
		abort();
	if (weft__pt_in_reach_error(RA()))
		weft__pt_reach_error(RA(), 0);
	weft__fail("assertion", WEFT__CALLER_LOC(), "__VERIFIER_error() reached");
}

/* ---- function entry and exit ----------------------------------------------- */

/* Atomic functions entered and not yet left, per thread, this execution:
 * the exit hook ends only sections its entry began. */
static int atomic_depth[WEFT__MAX_THREADS];

/* "NAME returns", the trace's name for leaving an atomic function,
 * interned once per function and execution. */
#define MAX_EXITS 32
static struct {
	uintptr_t fn;
	const char *name;
} exits[MAX_EXITS];
static int nexits;

static const char *exit_name(uintptr_t fn)
{
	const char *f, *n;

	for (int i = 0; i < nexits; i++)
		if (exits[i].fn == fn)
			return exits[i].name;
	f = weft__pc_loc(fn + 1)->func;
	n = weft__internf("%s returns", f ? f : "__VERIFIER_atomic_");
	if (nexits < MAX_EXITS) {
		exits[nexits].fn = fn;
		exits[nexits++].name = n;
	}
	return n;
}

static void atomic_enter(uintptr_t fn)
{
	const struct weft_loc *l = weft__pc_loc(fn + 1); /* its first line */

	weft__atomic_begin(l->func ? l->func : "__VERIFIER_atomic_", l);
	weft__race_atomic_section(1);
	atomic_depth[weft__self()]++;
}

static void atomic_exit(uintptr_t fn, uintptr_t ra)
{
	if (atomic_depth[weft__self()] == 0)
		return;
	atomic_depth[weft__self()]--;
	weft__race_atomic_section(-1);
	weft__atomic_end(exit_name(fn), weft__pc_loc(ra));
}

/* What the convention makes of function fn, when a test thread calls it.
 * Cheap for the functions it does not mark, which are all but a few. */
static int fn_class(uintptr_t fn)
{
	const struct marked *f;

	if (!weft__race_on || !(f = marked_at(fn, true)) || weft__self() < 0)
		return FN_OTHER;
	if (too_many)
		weft__limit("unsupported: __VERIFIER_atomic_", NULL,
			    "more than %d functions named by the SV-COMP "
			    "convention", MAX_MARKED);
	return f->cls;
}

/* The hooks of -finstrument-functions, called at the entry and exit of
 * every function of the program (fn: the function, site: the return
 * address of its call, meaningless when the function was inlined). */
void __cyg_profile_func_enter(void *fn, void *site)
{
	switch (fn_class((uintptr_t)fn)) {
	case FN_REACH_ERROR:
		weft__pt_reach_error(RA(), (uintptr_t)site);
	case FN_ATOMIC:
		atomic_enter((uintptr_t)fn);
		break;
	}
}

void __cyg_profile_func_exit(void *fn, void *site)
{
	(void)site;
	if (fn_class((uintptr_t)fn) == FN_ATOMIC)
		atomic_exit((uintptr_t)fn, RA());
}

static void verifier_begin(void)
{
	drawn = 0;
	nexits = 0;
	memset(atomic_depth, 0, sizeof atomic_depth);
}

static struct weft__hooks hooks = { verifier_begin, NULL, NULL };

__attribute__((constructor)) static void verifier_init(void)
{
	weft__register_hooks(&hooks);
}
