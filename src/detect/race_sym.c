/* src/detect/race_sym.c - source locations for code addresses.
 *
 * pthread calls and instrumented accesses arrive with a return address, not
 * a file and line.  Traces and race reports need the line, so each new
 * address is translated once by an addr2line child process kept running
 * for the life of the worker (race_sym_a2l.c: it answers one address per
 * line on a pipe) and cached in persistent memory: one child for the
 * executable, and one for each of the program's own shared libraries
 * that code runs in (weft__user_object; the system's libraries are named
 * by their file alone).  A process that cannot symbolize (no addr2line,
 * no debug information) still gets the function name from the dynamic
 * symbol table, or the raw address. */
#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "detect/race.h"
#include "report/report.h"

#define CACHE_BITS 12

struct entry {
	uintptr_t pc;
	struct weft_loc loc;
	const char *via;           /* the library code inlined at loc that
				      made the access, or NULL */
};

struct symstate {
	struct entry cache[1u << CACHE_BITS];
	int nentries;
};
static struct symstate *Y;

static const char *persist_str(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = weft__persistent_alloc(n);

	memcpy(p, s, n);
	return p;
}

/* The address as addr2line wants it: relative to the load address for a
 * position-independent executable. */
static uintptr_t file_addr(uintptr_t pc, const Dl_info *di)
{
	const ElfW(Ehdr) *eh = di->dli_fbase;

	if (eh && eh->e_type == ET_DYN)
		return pc - (uintptr_t)di->dli_fbase;
	return pc;
}

/* A function's name to keep: C++ names demangled (see symbols.c). */
static const char *func_name(const char *name)
{
	char *dm = weft__demangle(name, true);
	const char *s = persist_str(dm ? dm : name);

	free(dm);
	return s;
}

/* A demangled C++ name without its parameters and its return type
 * ("std::enable_if<...>::type std::swap<int*>(int*&, int*&)" is
 * "std::swap<int*>"), in place. */
static void short_func(char *s)
{
	int depth = 0;
	char *start = s;

	for (char *p = s; *p; p++) {
		if (*p == '<')
			depth++;
		else if (*p == '>' && depth > 0)
			depth--;
		else if (*p == '(' && depth == 0 && p > s) {
			*p = 0;
			break;
		} else if (*p == ' ' && depth == 0)
			start = p + 1;
	}
	if (start != s)
		memmove(s, start, strlen(start) + 1);
}

/* "func at file:line" of the innermost level of inlining when it is
 * library code (the system's headers, or weft's) inlined at the line kept:
 * a race inside std::atomic<std::shared_ptr>'s code was shown at the
 * program's line alone, as if the program's own access (a probe of C++
 * programs).  Function names are cut to a readable length. */
static const char *via_of(char *in_fn, char *in_fl, const char *fl)
{
	const char *base;
	char buf[400];

	in_fn[strcspn(in_fn, "\n")] = 0;
	weft__strip_place(in_fl);
	if (!in_fl[0] || !strcmp(in_fl, fl) || strncmp(in_fl, "??", 2) == 0 ||
	    !(weft__system_file(in_fl) || weft__in_weft_headers(in_fl)))
		return NULL;
	base = strrchr(in_fl, '/');
	base = base ? base + 1 : in_fl;
	char *dm = weft__demangle(in_fn, true);
	char *name = dm ? dm : in_fn;

	short_func(name);
	/* Within the buffer whatever the lengths (gcc at -O1 warned of a
	 * possible truncation, an error under -Werror). */
	if (strlen(name) > 100)
		snprintf(buf, sizeof buf, "%.97s... at %.290s", name, base);
	else
		snprintf(buf, sizeof buf, "%.100s at %.290s", name, base);
	free(dm);
	return persist_str(buf);
}

static void lookup(uintptr_t pc, struct weft_loc *loc, const char **via)
{
	const char *obj = NULL;
	bool mine = false;
	Dl_info di;
	/* A C++ function's mangled name runs to hundreds of characters: cut
	 * at 255, it could not be demangled (a probe of C++ programs). */
	char fn[4096], fl[512], in_fn[1024], in_fl[512];
	char *colon;

	*via = NULL;
	memset(&di, 0, sizeof di);
	loc->file = "?";
	loc->line = 0;
	loc->func = NULL;
	if (!dladdr((void *)pc, &di)) {
		loc->func = "?";
		return;
	}
	if (di.dli_sname)
		loc->func = func_name(di.dli_sname);
	/* The executable's lines, and those of the program's own libraries
	 * (a library under test linked to it); for another object, its
	 * name, without a line. */
	if (weft__in_executable(pc)) {
		mine = true;
	} else {
		if (weft__user_object(di.dli_fname)) {
			mine = true;
			obj = di.dli_fname;
		}
		if (di.dli_fname)
			loc->file = persist_str(di.dli_fname);
	}
	if (!mine ||
	    !weft__a2l_lookup(obj, file_addr(pc, &di), fn, sizeof fn, fl,
			      sizeof fl, in_fn, sizeof in_fn, in_fl,
			      sizeof in_fl))
		return;
	fn[strcspn(fn, "\n")] = 0;
	weft__strip_place(fl);
	*via = via_of(in_fn, in_fl, fl);
	if (strcmp(fn, "??") != 0)
		loc->func = func_name(fn);
	colon = strrchr(fl, ':');
	if (colon && colon[1] != '?' && strncmp(fl, "??", 2) != 0) {
		*colon = 0;
		loc->file = persist_str(fl);
		loc->line = atoi(colon + 1);
	}
}

/* pc's entry, looked up the first time it is asked for; NULL when the
 * cache is full. */
static const struct entry *persistent_entry(uintptr_t pc)
{
	uint64_t h = (pc * 0x9e3779b97f4a7c15ULL) >> (64 - CACHE_BITS);
	struct entry *e;

	for (;; h++) {
		e = &Y->cache[h & ((1u << CACHE_BITS) - 1)];
		if (e->pc == pc)
			return e;
		if (!e->pc)
			break;
	}
	if (Y->nentries >= (1 << CACHE_BITS) * 3 / 4)
		return NULL;
	/* A return address points after the call: look up the call. */
	lookup(pc - 1, &e->loc, &e->via);
	e->pc = pc;
	Y->nentries++;
	return e;
}

static const struct weft_loc *persistent_loc(uintptr_t pc)
{
	static const struct weft_loc unknown = { "?", 0, "?" };
	const struct entry *e = persistent_entry(pc);

	return e ? &e->loc : &unknown;
}

const char *weft__pc_via(uintptr_t pc)
{
	const struct entry *e;

	if (pc & WEFT__PC_LOC_TAG)
		return NULL;
	e = persistent_entry(pc);
	return e ? e->via : NULL;
}

/* Traces are printed by the parent process from memory shared with the
 * worker, so a location shown in a trace must be in that memory.  Each
 * location is copied there once for the worker's life (weft__keep_loc,
 * beside the name pool, which is rewound every execution), and a
 * persistent table finds the copy by address.  Copying the locations each
 * execution used into the pool again at every execution (three
 * weft__intern calls each) was 1% of the kernel workload's instructions.
 * An entry carries weft__locs_gen: one of another generation (a table
 * inherited from the parent) is empty. */
#define KEPT_BITS 12

/* An entry of either table below: pc's location, valid for generation
 * gen (64 bits: never wraps; 0 is empty). */
struct loc_entry {
	uintptr_t pc;
	const struct weft_loc *loc;
	uint64_t gen;
};

static struct loc_entry *K;    /* persistent, 1 << KEPT_BITS entries */
static int kn;                 /* entries of generation kgen */
static uint64_t kgen;

/* Where the shared room for kept locations is full (or the table is):
 * the locations this execution uses are copied into the name pool, once
 * each (a per-execution table).  Its entries carry the execution's
 * generation, so starting an execution clears nothing (clearing the
 * 16 KiB table at every execution's first atomic was a few percent of a
 * small program's time). */
#define EXEC_BITS 10

static struct loc_entry *X;    /* persistent, 1 << EXEC_BITS entries */
static uint64_t xgen = 1;      /* this execution's generation */
static int xn;

/* pc's entry in table t of 1 << bits entries, or the empty one (of
 * another generation than gen) where it goes. */
static inline struct loc_entry *probe(struct loc_entry *t, int bits,
				      uintptr_t pc, uint64_t gen)
{
	for (uint64_t h = (pc * 0x9e3779b97f4a7c15ULL) >> (64 - bits);; h++) {
		struct loc_entry *e = &t[h & ((1u << bits) - 1)];
		if (e->gen != gen || e->pc == pc)
			return e;
	}
}

static const struct weft_loc *fill(struct loc_entry *e, uintptr_t pc,
				   const struct weft_loc *loc, uint64_t gen)
{
	e->pc = pc;
	e->loc = loc;
	e->gen = gen;
	return loc;
}

static const struct weft_loc *pool_loc(const struct weft_loc *p)
{
	char room[sizeof(struct weft_loc) + 16];
	char *raw;
	struct weft_loc *l;

	memset(room, 'x', sizeof room - 1);
	room[sizeof room - 1] = 0;
	raw = (char *)weft__intern(room);
	if (raw == room || strlen(raw) != sizeof room - 1)
		return p; /* no pool (outside a worker) or the pool is full */
	l = (struct weft_loc *)(((uintptr_t)raw + 7) & ~(uintptr_t)7);
	l->file = weft__intern(p->file);
	l->line = p->line;
	l->func = p->func ? weft__intern(p->func) : NULL;
	return l;
}

static const struct weft_loc *exec_loc(uintptr_t pc,
				       const struct weft_loc *p)
{
	struct loc_entry *e;

	if (!X)
		X = weft__persistent_alloc(sizeof *X << EXEC_BITS);
	e = probe(X, EXEC_BITS, pc, xgen);
	if (e->gen == xgen)
		return e->loc;
	if (xn >= (1 << EXEC_BITS) * 3 / 4)
		return p;
	xn++;
	return fill(e, pc, pool_loc(p), xgen);
}

/* The kept copy of pc's location made now; the per-execution one when
 * there is no room for it. */
static __attribute__((noinline)) const struct weft_loc *
new_loc(uintptr_t pc, struct loc_entry *e)
{
	const struct weft_loc *p = persistent_loc(pc), *k;

	if (kn < (1 << KEPT_BITS) * 3 / 4) {
		if ((k = weft__keep_loc(p))) {
			kn++;
			return fill(e, pc, k, kgen);
		}
		kn = (1 << KEPT_BITS) * 3 / 4; /* the room is full: no more */
	}
	return exec_loc(pc, p);
}

const struct weft_loc *weft__pc_loc(uintptr_t pc)
{
	static const struct weft_loc unknown = { "?", 0, NULL };
	struct loc_entry *e;

	if (pc & WEFT__PC_LOC_TAG) {
		const struct weft_loc *l =
			(const struct weft_loc *)(pc & ~WEFT__PC_LOC_TAG);
		return l ? l : &unknown;
	}
	if (!weft__race_on)
		return persistent_loc(pc);
	if (__builtin_expect(kgen != weft__locs_gen || !K, 0)) {
		if (!K)
			K = weft__persistent_alloc(sizeof *K << KEPT_BITS);
		kgen = weft__locs_gen;
		kn = 0;
	}
	e = probe(K, KEPT_BITS, pc, kgen);
	return e->gen == kgen ? e->loc : new_loc(pc, e);
}

void weft__detect_race_sym_begin(void)
{
	xgen++;
	xn = 0;
}

__attribute__((constructor)) static void sym_init(void)
{
	Y = weft__persistent_alloc(sizeof *Y);
}
