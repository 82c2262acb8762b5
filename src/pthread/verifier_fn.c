/* src/pthread/verifier_fn.c - the functions the SV-COMP convention gives
 * a meaning by their name: reach_error(), whose call is the property
 * violation, and __VERIFIER_atomic_*(), which run as one atomic step.
 *
 * Calls are seen through the entry and exit hooks of -finstrument-functions
 * (gcc and clang), which weft-cc passes for sources that use the
 * convention.  Unlike ThreadSanitizer's __tsan_func_entry, which the
 * compilers insert after inlining and leave out of functions that neither
 * access memory nor call, these hooks are inserted before inlining: an
 * inlined __VERIFIER_atomic_ function, or an empty reach_error() (the
 * usual `void reach_error() {}` before abort()), is still seen.  Without
 * the hooks reach_error() is seen only when its body calls assert,
 * __assert_fail, abort or __VERIFIER_error (main.c, verifier.c), and
 * __VERIFIER_atomic_ functions are not atomic (more interleavings: false
 * alarms are possible, missed bugs are not).
 *
 * The same scan of the symbol tables tells whether the program follows the
 * convention at all, which decides what its abort() means (main.c). */
#include <dlfcn.h>
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pthread/pt.h"

#define RA() ((uintptr_t)__builtin_return_address(0))

/* ---- the program's marked functions -------------------------------------- */

/* The functions of the program the convention gives a meaning, found by
 * name in the executable's symbol table once per process (static ones
 * too): the hooks receive a function's address, and asking addr2line
 * for the name of each would cost a query per function of the program. */
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

/* Whether the program names reach_error or a __VERIFIER_ function. */
static bool convention;

/* The __VERIFIER_nondet_ functions the program defines itself ("a, b"),
 * which win over libweft's (the executable's definition interposes):
 * their values are the program's, not explored.  ldv tasks define
 * __VERIFIER_nondet_int as `int x; return x;`; verified without a word,
 * such a verdict looked like one over all the values. */
static char own_nondet[200];

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

/* A name only a program written for the convention defines or calls.
 * libweft.so defines the __VERIFIER_ functions and a weak reach_error,
 * but they are not in the executable's tables unless the program names
 * them: its undefined references are there, in both tables. */
static bool convention_name(const char *nm)
{
	return !strcmp(nm, "reach_error") || !strncmp(nm, "__VERIFIER_", 11);
}

static bool is_marked(uintptr_t addr)
{
	for (int i = 0; i < nmarked; i++)
		if (marked[i].addr == addr)
			return true;
	return false;
}

/* A definition of __VERIFIER_nondet_ function nm at addr in the
 * executable, unless it is weft's own (linked in statically) or listed
 * already (both tables name it). */
static void own_nondet_add(const char *nm, uintptr_t addr)
{
	Dl_info me, it;
	size_t len = strlen(own_nondet), n = strlen(nm);
	const char *p = own_nondet;

	if (dladdr((void *)(uintptr_t)weft__pt_sv_convention, &me) &&
	    dladdr((void *)addr, &it) && me.dli_fbase == it.dli_fbase)
		return;
	while ((p = strstr(p, nm)))
		if ((p[n] == ',' || !p[n]) && (p == own_nondet || p[-1] == ' '))
			return;
		else
			p += n;
	if (len + n + 3 < sizeof own_nondet)
		snprintf(own_nondet + len, sizeof own_nondet - len, "%s%s",
			 len ? ", " : "", nm);
}

/* Reads one symbol table, .symtab or .dynsym.  Both are read for the
 * marked functions too: a stripped program keeps only .dynsym, which
 * still holds its reach_error (exported, since libweft.so defines a weak
 * one), and the other table's copy of a function is skipped. */
static void scan_table(const char *m, size_t len, const ElfW(Shdr) *sh,
		       const ElfW(Shdr) *str, uintptr_t base)
{
	const ElfW(Sym) *s = (const ElfW(Sym) *)(m + sh->sh_offset);

	if (sh->sh_offset + sh->sh_size > len ||
	    str->sh_offset + str->sh_size > len)
		return;
	for (size_t i = 0; i < sh->sh_size / sizeof *s; i++) {
		const char *nm;
		int cls;
		if (s[i].st_name >= str->sh_size)
			continue;
		nm = m + str->sh_offset + s[i].st_name;
		if (!convention && convention_name(nm))
			convention = true;
		if (ELF64_ST_TYPE(s[i].st_info) != STT_FUNC || !s[i].st_value ||
		    s[i].st_shndx == SHN_UNDEF)
			continue;
		if (!strncmp(nm, "__VERIFIER_nondet_", 18))
			own_nondet_add(nm, base + s[i].st_value);
		cls = name_class(nm);
		if (cls == FN_OTHER || is_marked(base + s[i].st_value))
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
	size_t len;
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
	len = (size_t)st.st_size;
	if (!memcmp(eh->e_ident, ELFMAG, SELFMAG) &&
	    eh->e_shoff + (size_t)eh->e_shnum * sizeof *sh <= len)
		for (int i = 0; i < eh->e_shnum; i++)
			if ((sh[i].sh_type == SHT_SYMTAB ||
			     sh[i].sh_type == SHT_DYNSYM) &&
			    sh[i].sh_link < eh->e_shnum)
				scan_table(m, len, &sh[i], &sh[sh[i].sh_link],
					   base);
	munmap(m, len);
}

/* The marked function starting at pc (exact), or containing it. */
static const struct marked *marked_at(uintptr_t pc, bool exact)
{
	if (!scanned)
		scan_symbols();
	for (int i = 0; i < nmarked; i++) {
		size_t n = marked[i].size ? marked[i].size : 1;
		if (exact ? pc == marked[i].addr : pc - marked[i].addr < n)
			return &marked[i];
	}
	return NULL;
}

/* Whether the program follows the SV-COMP convention: its symbol tables
 * define or reference reach_error or a __VERIFIER_ function.  Read once
 * per process, with the marked functions. */
bool weft__pt_sv_convention(void)
{
	if (!scanned)
		scan_symbols();
	return convention;
}

/* ---- reach_error() ------------------------------------------------------- */

/* Whether the code at return address ra is reach_error's (its body, even
 * inlined: addr2line names the innermost inlined function).  Without debug
 * information (a stripped program: no line) the name is only the nearest
 * exported symbol before ra, often reach_error itself whatever the code
 * is, so then only reach_error's own symbol range counts (ra - 1: the
 * call may be the last instruction). */
bool weft__pt_in_reach_error(uintptr_t ra)
{
	const struct weft_loc *l = weft__pc_loc(ra);
	const struct marked *f;

	if (l->line > 0)
		return l->func && !strcmp(l->func, "reach_error");
	f = marked_at(ra - 1, false);
	return f && f->cls == FN_REACH_ERROR;
}

/* The violation, at the call of reach_error.  ra is a return address in
 * reach_error's code; site, when known, the return address of the call.
 * When reach_error was not inlined (ra is inside its symbol), its caller
 * is also the innermost frame of the instrumentation's function stack.
 * An inlined call left no address of its own: the report shows the line
 * in reach_error instead. */
_Noreturn void weft__pt_reach_error(uintptr_t ra, uintptr_t site)
{
	const struct marked *f = marked_at(ra - 1, false);
	uintptr_t frame;

	if (f && f->cls == FN_REACH_ERROR) {
		if (!site && weft__race_stack(&frame, 1) == 1)
			site = frame;
		if (site)
			weft__fail(WEFT__K(ASSERTION), weft__pc_loc(site),
				   "reach_error() reached");
	}
	weft__fail(WEFT__K(ASSERTION), weft__pc_loc(ra),
		   "reach_error() reached (its call was inlined; the place "
		   "is in reach_error)");
}

/* ---- function entry and exit --------------------------------------------- */

/* Atomic functions entered and not yet left, per thread, this execution:
 * the exit hook ends only sections its entry began. */
static int atomic_depth[WEFT__MAX_THREADS];
/* Whether an execution entered one since the table was last cleared: the
 * clearing (1 KiB) is needed only then, which is rarely. */
static bool depth_dirty = true;

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
	depth_dirty = true;
	atomic_depth[weft__self()]++;
}

static void atomic_exit(uintptr_t fn, uintptr_t ra)
{
	if (atomic_depth[weft__self()] == 0)
		return;
	atomic_depth[weft__self()]--;
	weft__atomic_end(exit_name(fn), weft__pc_loc(ra));
}

/* What the convention makes of function fn, when a test thread calls it.
 * Cheap for the functions it does not mark, which are all but a few. */
static int fn_class(uintptr_t fn)
{
	const struct marked *f;

	if (!weft__race_on)
		return FN_OTHER;
	f = marked_at(fn, true);
	if ((!f && !too_many) || weft__self() < 0)
		return FN_OTHER;
	if (too_many) /* fn may be one of those left out */
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
	int cls = fn_class((uintptr_t)fn);

	if (cls == FN_REACH_ERROR)
		weft__pt_reach_error(RA(), (uintptr_t)site);
	if (cls == FN_ATOMIC)
		atomic_enter((uintptr_t)fn);
}

void __cyg_profile_func_exit(void *fn, void *site)
{
	(void)site;
	if (fn_class((uintptr_t)fn) == FN_ATOMIC)
		atomic_exit((uintptr_t)fn, RA());
}

/* weft__verdict_note's key of the note on the program's own nondet
 * functions ("OWNNOND"). */
#define OWN_NONDET_NOTE 0x4f574e4e4f4e4400ull

void weft__pthread_verifier_fn_begin(void)
{
	if (!scanned)
		scan_symbols();
	if (own_nondet[0] && !weft__verdict_noted(OWN_NONDET_NOTE)) {
		weft__verdict_inputs_sampled();
		weft__verdict_note(
			OWN_NONDET_NOTE,
			weft__internf("the program defines %s itself, and its "
				      "definition was used: weft did not "
				      "choose the values it returns (remove "
				      "the definition to have them explored)",
				      own_nondet));
	}
	nexits = 0;
	if (depth_dirty)
		memset(atomic_depth, 0, sizeof atomic_depth);
	depth_dirty = false;
}
