/* src/report/symbols.c - names for addresses: thread functions, static
 * objects ("rtnl_mutex", "priv+16"), and code addresses of crashes.
 *
 * The executable's ELF symbol table is read once in the parent, before any
 * worker is forked, so the name strings are at the same addresses in every
 * worker and the parent can print names a worker recorded.  C++ names are
 * demangled there too ("worker", "counter", "guard variable for f()::x"). */
#include <dlfcn.h>
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "detect/heap.h"
#include "report/report.h"

struct sym {
	uintptr_t addr;
	size_t size;
	const char *name;
};

static struct sym *syms;
static size_t nsyms;
static bool loaded;

/* Functions with an atomic instruction in inline assembly, as weft-cc
 * marked them (a weak absolute symbol weft_asm_atomic.NAME): the first's
 * name and how many. */
#define ASM_MARK "weft_asm_atomic."
#define ASM_NOTE 0x41534d41544f4d43ull /* weft__verdict_note's key */
static char asm_first[64];
static int asm_count;
/* weft-cc's mark of a program linked from optimized code (an absolute
 * symbol, --defsym): --races=off's note warns of what it hides. */
#define OPT_MARK "weft_cc_optimized"
static bool optimized;
/* The code of those functions, for the spin watchdog's probe, which reads
 * it in a signal handler (weft__asm_code): fixed arrays, no allocation.
 * A program with more such functions has the first ones looked at. */
#define ASM_FNS 64
static uintptr_t asm_lo[ASM_FNS], asm_hi[ASM_FNS];
static int asm_nfn;
/* The executable's .symtab was read; crtstuff's destructor entry in it. */
static bool symtab_read;
static uintptr_t crt_fini;

/* C++ names as the program spells them, by libstdc++'s demangler, which
 * every C++ program has loaded: weft itself must not depend on libstdc++,
 * so the demangler is looked up at run time.  A function loses its
 * parameter list ("worker", not "worker(void*)"), as in a backtrace's
 * short form.  Returns a malloc'd string, or NULL for a name that is not
 * a mangled one or in a C program. */
char *weft__demangle(const char *name, bool function)
{
	static char *(*demangle)(const char *, char *, size_t *, int *);
	static bool looked;
	int status = -1;
	char *out;
	size_t n;

	if (!name || name[0] != '_' || name[1] != 'Z')
		return NULL;
	if (!looked) {
		looked = true;
		*(void **)&demangle = dlsym(RTLD_DEFAULT, "__cxa_demangle");
	}
	if (!demangle || !(out = demangle(name, NULL, NULL, &status)))
		return NULL;
	if (status != 0) {
		free(out);
		return NULL;
	}
	n = strlen(out);
	if (function && n > 6 && !strcmp(out + n - 6, " const"))
		out[n -= 6] = 0;
	if (function && n && out[n - 1] == ')') {
		/* Cut at the '(' that opens the final parameter list. */
		int depth = 0;
		for (size_t i = n; i-- > 0;) {
			depth += out[i] == ')' ? 1 : out[i] == '(' ? -1 : 0;
			if (depth == 0) {
				if (i > 0)
					out[i] = 0;
				break;
			}
		}
	}
	return out;
}

static int cmp_sym(const void *a, const void *b)
{
	const struct sym *x = a, *y = b;
	return x->addr < y->addr ? -1 : x->addr > y->addr;
}


/* The marks weft-cc put beside functions with an atomic instruction in
 * inline assembly (weft_asm_atomic.NAME, in the same object as NAME):
 * counted for the verdict's note, and the code of each marked function
 * of this table kept for weft__asm_code. */
static void asm_marks(const char *m, const ElfW(Sym) *s, size_t n,
		      const ElfW(Shdr) *strtab, uintptr_t obj_base)
{
	const char *str = m + strtab->sh_offset, *fn[ASM_FNS];
	int nfn = 0;

	for (size_t i = 0; i < n; i++) {
		const char *nm = str + s[i].st_name;
		if (s[i].st_name >= strtab->sh_size ||
		    strncmp(nm, ASM_MARK, sizeof ASM_MARK - 1))
			continue;
		if (!asm_count++) {
			/* A C++ function as the program spells it. */
			char *dm = weft__demangle(nm + sizeof ASM_MARK - 1,
						  true);
			snprintf(asm_first, sizeof asm_first, "%s",
				 dm ? dm : nm + sizeof ASM_MARK - 1);
			free(dm);
		}
		if (nfn < ASM_FNS)
			fn[nfn++] = nm + sizeof ASM_MARK - 1;
	}
	for (size_t i = 0; i < n && nfn; i++) {
		const char *nm = str + s[i].st_name;
		if (ELF64_ST_TYPE(s[i].st_info) != STT_FUNC ||
		    s[i].st_name >= strtab->sh_size || !s[i].st_value ||
		    !s[i].st_size)
			continue;
		for (int j = 0; j < nfn && asm_nfn < ASM_FNS; j++)
			if (!strcmp(nm, fn[j])) {
				asm_lo[asm_nfn] = obj_base + s[i].st_value;
				asm_hi[asm_nfn++] = obj_base + s[i].st_value +
						    s[i].st_size;
				break;
			}
	}
}

uintptr_t weft__asm_code(uintptr_t pc, uintptr_t *start)
{
	for (int i = 0; i < asm_nfn; i++)
		if (pc >= asm_lo[i] && pc < asm_hi[i]) {
			*start = asm_lo[i];
			return asm_hi[i];
		}
	return 0;
}

bool weft__asm_atomics(void)
{
	/* The parent may ask before it needed a name (ending.c). */
	weft__symbols_load();
	return asm_count > 0;
}

bool weft__program_optimized(void)
{
	weft__symbols_load();
	return optimized;
}

const char *weft__asm_first(void)
{
	return asm_first;
}

/* One symbol table of an object loaded at obj_base; main: the
 * executable's (its crtstuff entry is the one weft__crt_fini means). */
static void load_table(const char *m, size_t len, const ElfW(Shdr) *sh,
		       const ElfW(Shdr) *strtab, uintptr_t obj_base, bool main)
{
	size_t n = sh->sh_size / sizeof(ElfW(Sym));
	const ElfW(Sym) *s = (const ElfW(Sym) *)(m + sh->sh_offset);

	if (sh->sh_offset + sh->sh_size > len ||
	    strtab->sh_offset + strtab->sh_size > len)
		return;
	syms = realloc(syms, sizeof *syms * (nsyms + n));
	asm_marks(m, s, n, strtab, obj_base);
	for (size_t i = 0; i < n; i++) {
		int type = ELF64_ST_TYPE(s[i].st_info);
		const char *nm;
		if (s[i].st_name >= strtab->sh_size)
			continue;
		nm = m + strtab->sh_offset + s[i].st_name;
		if (!strncmp(nm, ASM_MARK, sizeof ASM_MARK - 1))
			continue;
		if (main && !strcmp(nm, OPT_MARK)) {
			optimized = true;
			continue;
		}
		if ((type != STT_OBJECT && type != STT_FUNC) || !s[i].st_value)
			continue;
		if (main && type == STT_FUNC &&
		    !strcmp(nm, "__do_global_dtors_aux"))
			crt_fini = obj_base + s[i].st_value;
		/* Sizeless markers (__TMC_END__, __dso_handle ...) would shadow
		 * the real object at the same address. */
		if (!nm[0] || (type == STT_OBJECT && s[i].st_size == 0) ||
		    (nm[0] == '_' && nm[1] == '_'))
			continue;
		char *dm = weft__demangle(nm, type == STT_FUNC);
		syms[nsyms++] = (struct sym){ obj_base + s[i].st_value,
					      s[i].st_size,
					      dm ? dm : strdup(nm) };
	}
}

/* The symbols of the object in file path, loaded at obj_base: its
 * .symtab, or its dynamic symbols when it was stripped. */
static void load_object(const char *path, uintptr_t obj_base, bool main)
{
	struct weft__elf_map e = weft__elf_map(path);
	bool have_symtab = false;

	if (!e.m)
		return;
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < e.eh->e_shnum; i++) {
			unsigned want = pass == 0 ? SHT_SYMTAB : SHT_DYNSYM;
			if (e.sh[i].sh_type != want ||
			    e.sh[i].sh_link >= e.eh->e_shnum)
				continue;
			if (pass == 1 && have_symtab)
				continue;
			load_table(e.m, e.len, &e.sh[i], &e.sh[e.sh[i].sh_link],
				   obj_base, main);
			have_symtab = true;
			if (main)
				symtab_read |= pass == 0;
		}
	weft__elf_unmap(&e);
}

/* The executable, and the program's own shared libraries (a library
 * under test built with weft-cc and linked to the test, or opened by
 * it): their globals are named too. */
static void object_symbols(struct dl_phdr_info *info, bool main, void *data)
{
	(void)data;
	load_object(main ? "/proc/self/exe" : info->dlpi_name,
		    info->dlpi_addr, main);
}

void weft__symbols_load(void)
{
	if (loaded)
		return;
	loaded = true;
	weft__user_objects(object_symbols, NULL);
	qsort(syms, nsyms, sizeof *syms, cmp_sym);
}

void weft__asm_atomics_note(void)
{
	char msg[WEFT__NOTE_LEN];

	if (!asm_count)
		return;
	snprintf(msg, sizeof msg,
		 "the program has memory accesses in inline assembly "
		 "(in %s%s), which weft does not see: it explores no order "
		 "of them, and a race on memory they guard may be a false "
		 "alarm; use the __atomic builtins or <stdatomic.h>",
		 asm_first,
		 asm_count > 1 ? " and others" : "");
	weft__verdict_note(ASM_NOTE, msg);
}

void weft__symbols_reload(void)
{
	asm_count = asm_nfn = 0;
	/* The names already handed out stay valid: they are kept apart
	 * from the table, which is only emptied. */
	nsyms = 0;
	symtab_read = false;
	loaded = false;
	weft__symbols_load();
}

/* Whether the executable has a symbol table to tell the C runtime's own
 * entry among its destructors (crtstuff's __do_global_dtors_aux, which
 * finalises the C library's exit handlers of the whole process), and the
 * entry's address then (0: it has none). */
bool weft__crt_fini(uintptr_t *addr)
{
	weft__symbols_load();
	*addr = crt_fini;
	return symtab_read;
}

static const struct sym *lookup(uintptr_t a)
{
	size_t lo = 0, hi = nsyms;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (syms[mid].addr <= a)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	const struct sym *s = &syms[lo - 1];
	if (a >= s->addr + (s->size ? s->size : 1))
		return NULL;
	return s;
}

/* The last symbol found for each of a few addresses: the same static
 * objects (a global mutex) are named at every operation on them, and the
 * symbol table does not change while the program runs. */
#define SYM_CACHE 64
static struct {
	uintptr_t addr;
	const struct sym *s;
} sym_cache[SYM_CACHE];

static const struct sym *lookup_cached(uintptr_t a)
{
	unsigned i = (unsigned)(a >> 3) % SYM_CACHE;

	if (!loaded)
		return lookup(a);
	if (sym_cache[i].addr != a || !a) {
		sym_cache[i].addr = a;
		sym_cache[i].s = lookup(a);
	}
	return sym_cache[i].s;
}

/* weft__symbolize, inlined into weft__objname's path, which every lock
 * operation takes to name its mutex. */
static inline const char *symbol_name(const void *addr)
{
	const struct sym *s = lookup_cached((uintptr_t)addr);

	if (!s)
		return NULL;
	if ((uintptr_t)addr == s->addr)
		return s->name;
	return weft__intern_numbered(s->name, '+',
				     (size_t)((uintptr_t)addr - s->addr));
}

const char *weft__symbolize(const void *addr)
{
	return symbol_name(addr);
}

const char *weft__objname_of(const void *addr, size_t size, const char *kind)
{
	const struct sym *s = weft__in_tracked_heap(addr)
				      ? NULL
				      : lookup_cached((uintptr_t)addr);
	size_t off = s ? (size_t)((uintptr_t)addr - s->addr) : 0;

	if (s && size && s->size > size && s->size % size == 0 &&
	    off % size == 0)
		return weft__internf("%s[%zu]", s->name, off / size);
	return weft__objname(addr, kind);
}

/* Objects that are neither static nor in the tracked heap (on a stack,
 * say) are numbered in order of first appearance in the execution, which
 * is the same in every run of the same schedule. */
#define MAX_ANON 64
struct anon {
	const void *addr[MAX_ANON];
	long exec;
	int n;
};
static struct anon *A;

/* Objects of weft's models that stand for state of the C library
 * (strtok's saved position, localtime's result: src/tsan/libc_state.c),
 * named for reports, since libweft's own symbols are not read. */
#define MAX_MODEL_OBJECTS 64
#define KEPT_MODEL_OBJECTS 16
static struct model_object {
	const char *lo;
	size_t size;
	const char *name;
} model_objects[MAX_MODEL_OBJECTS];
static int nmodel_objects, next_reused;

/* A name given again to the same place replaces the old one.  When the
 * table is full, the first names (the C library's state, named at
 * start-up) stay and the later ones (records and streams the C library
 * hands out, named as they are met) take turns in the rest: a name is
 * only for reports, and two threads writing the stdio streams in turn
 * renamed one past a fixed limit, which was an internal error. */
void weft__name_model_object(const void *addr, size_t size, const char *name)
{
	struct model_object m = { addr, size, name };
	int i;

	for (i = 0; i < nmodel_objects; i++)
		if (model_objects[i].lo == (const char *)addr) {
			model_objects[i] = m;
			return;
		}
	if (nmodel_objects < MAX_MODEL_OBJECTS) {
		model_objects[nmodel_objects++] = m;
		return;
	}
	model_objects[KEPT_MODEL_OBJECTS + next_reused] = m;
	next_reused = (next_reused + 1) % (MAX_MODEL_OBJECTS -
					   KEPT_MODEL_OBJECTS);
}

static const char *model_object_name(const void *addr)
{
	for (int i = 0; i < nmodel_objects; i++) {
		const struct model_object *m = &model_objects[i];
		if ((const char *)addr >= m->lo &&
		    (const char *)addr < m->lo + m->size)
			return m->name;
	}
	return NULL;
}

/* An unnamed object on a test thread's stack (a local whose address the
 * program passed to other threads): "memory@1 on main's stack", where it
 * was "memory@1" alone (found by a probe of SCTBench's programs). */
static const char *on_stack(const void *addr, const char *name)
{
	struct weft__thread_mem m;
	const char *a = addr;

	if (!weft__in_fiber_stack(addr))
		return name;
	for (int t = 0; t < weft__nthreads(); t++)
		if (weft__thread_mem(t, &m) && a >= m.stack_lo &&
		    a < m.stack_hi)
			return weft__internf("%s on %s's stack", name,
					     weft__thread_name(t));
	return name;
}

const char *weft__objname(const void *addr, const char *kind)
{
	const char *n;

	/* A null pointer, or a member of a struct through one. */
	if ((uintptr_t)addr < 4096)
		return addr ? weft__internf("NULL+%zu", (size_t)addr) : "NULL";

	/* Only an address in the tracked heap has a block to name: a static
	 * object skips the heap's lookup (weft__heap_name would find no
	 * block for it either). */
	if (weft__in_tracked_heap(addr) && (n = weft__heap_name(addr)))
		return n;
	if ((n = symbol_name(addr)) || (n = model_object_name(addr)))
		return n;
	if (!A)
		A = weft__persistent_alloc(sizeof *A);
	if (A->exec != weft__exec_no() + 1) {
		A->exec = weft__exec_no() + 1;
		A->n = 0;
	}
	for (int i = 0; i < A->n; i++)
		if (A->addr[i] == addr)
			return on_stack(addr, weft__intern_numbered(
						      kind, '@', (size_t)i + 1));
	if (A->n < MAX_ANON)
		A->addr[A->n++] = addr;
	return on_stack(addr, weft__intern_numbered(kind, '@', (size_t)A->n));
}

/* file:line of a code address, by asking addr2line about the object that
 * contains it (the program or a shared library: dladdr says which), only
 * on the slow path of a crash report. */
void weft__strip_place(char *fl)
{
	static const char disc[] = " (discriminator ";
	const char *num;
	char *d = NULL;

	fl[strcspn(fl, "\n")] = 0;
	for (char *p = strstr(fl, disc); p; p = strstr(p + 1, disc))
		d = p;
	if (!d)
		return;
	num = d + strlen(disc);
	if (!strcmp(num + strspn(num, "0123456789"), ")"))
		*d = 0;
}

const char *weft__code_location(const void *pc, char *buf, size_t n)
{
	char cmd[1024];
	Dl_info info;
	FILE *p;

	if (!pc || !dladdr(pc, &info) || !info.dli_fname || !info.dli_fname[0])
		return NULL;
	/* -C: C++ names demangled (a crash named _ZNKSt8functionIFiiEEclEi:
	 * a probe of C++ programs); the buffers hold long ones whole, or the
	 * rest of a name was read as the place. */
	snprintf(cmd, sizeof cmd, "addr2line -C -f -s -e '%s' %#lx 2>/dev/null",
		 strcmp(info.dli_fname, "") ? info.dli_fname : "/proc/self/exe",
		 (unsigned long)((uintptr_t)pc - (uintptr_t)info.dli_fbase));
	p = popen(cmd, "r");
	if (!p)
		return NULL;
	char fn[4096] = "", fl[1024] = "";
	if (fgets(fn, sizeof fn, p) && fgets(fl, sizeof fl, p)) {
		fn[strcspn(fn, "\n")] = 0;
		weft__strip_place(fl);
		if (fl[0] != '?')
			snprintf(buf, n, "%s in %s", fl, fn);
	}
	pclose(p);
	return buf[0] ? buf : NULL;
}
