/* src/detect/race_report.c - what happens once two accesses race: the
 * report (once per pair of sites), and the sites that become scheduling
 * points so exploration also tries the other orders there.
 *
 * Both sets outlive executions (persistent memory): a pair reported in one
 * execution is not reported again, and a racing site stays a scheduling
 * point for the rest of the exploration.
 *
 * The racing-site scheduling points are on unless WEFT_RACE_PREEMPT=0.
 * A new site changes the set of scheduling points, so it is announced with
 * weft__points_changed(): exhaustive exploration restarts from the root
 * (the set only grows, so this happens finitely often).  A replay sees the
 * race at the same step and so the same points. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "detect/race.h"
#include "report/report.h"

/* The verdict's note that races were seen under --races=off. */
#define RACES_OFF_NOTE 0x524143455323f0ffull

#define SITE_BITS 12                  /* racing sites remembered */
#define PAIR_BITS 12                  /* racing pairs remembered */
#define FILTER_BITS WEFT__RACE_FILTER_BITS /* quick "might be hot" bitmap */
#define VSITE_BITS 10                 /* volatile sites remembered */

#define ORDER_MAX ((1 << SITE_BITS) / 2)
#define PEND_MAX 64

struct racestate {
	uintptr_t order[ORDER_MAX];   /* sites in the order they were found */
	int marked;                   /* sites known at the execution start */
	uint64_t filter[(1u << FILTER_BITS) / 64];
	uintptr_t sites[1u << SITE_BITS];
	uint64_t pairs[1u << PAIR_BITS];
	int nsites, npairs;
	uintptr_t vsites[1u << VSITE_BITS]; /* volatile access sites */
	int nvsites;
	bool preempt;                 /* WEFT_RACE_PREEMPT=1 */
	uint64_t watch[(1u << WEFT__RACE_WATCH_BITS) / 64];
	uintptr_t pend[PEND_MAX];     /* watched sites for the next start */
	int npend;
};
static struct racestate *R;

/* R->filter and R->watch, for the inline tests of race.h (set with R,
 * before any access). */
const uint64_t *weft__race_filter;
const uint64_t *weft__race_watch;

static inline uint64_t mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return x;
}

bool weft__race_site_listed(uintptr_t pc)
{
	for (uint64_t i = mix(pc);; i++) {
		uintptr_t s = R->sites[i & ((1u << SITE_BITS) - 1)];
		if (s == pc)
			return true;
		if (!s)
			return false;
	}
}

static void site_insert(uintptr_t pc);

static void site_add(uintptr_t pc)
{
	if (weft__race_site_hot(pc) || R->nsites >= ORDER_MAX)
		return;
	weft__points_changed();
	site_insert(pc);
}

static void site_insert(uintptr_t pc)
{
	unsigned h = weft__race_filter_bit(pc);

	if (weft__race_site_hot(pc) || R->nsites >= ORDER_MAX)
		return;
	for (uint64_t i = mix(pc);; i++) {
		uintptr_t *s = &R->sites[i & ((1u << SITE_BITS) - 1)];
		if (!*s) {
			*s = pc;
			break;
		}
	}
	R->filter[h / 64] |= (uint64_t)1 << (h % 64);
	R->order[R->nsites] = pc;
	R->nsites++;
}

/* Returns true the first time the pair is seen. */
static bool pair_new(uint64_t key)
{
	if (R->npairs >= (1 << PAIR_BITS) / 2)
		return false;
	for (uint64_t i = mix(key);; i++) {
		uint64_t *p = &R->pairs[i & ((1u << PAIR_BITS) - 1)];
		if (*p == key)
			return false;
		if (!*p) {
			*p = key;
			R->npairs++;
			return true;
		}
	}
}

void weft__race_site_learn(uintptr_t pc)
{
	site_add(pc);
}

void weft__race_point(const void *addr, size_t n, bool write, uintptr_t pc)
{
	int t = weft__self();

	/* Inside an atomic section the point lets no other thread run (the
	 * scheduler offers only the section's thread), but the explorer
	 * needs the access as a step: a race with it is reversed by running
	 * the other thread before the whole section.  Without it an access
	 * inside a __VERIFIER_atomic_ function raced with nothing, and the
	 * order that reaches reach_error was never tried. */
	if (t < 0)
		return;
	/* The step orders nothing, as a relaxed access would not: a racy
	 * read after a racy write of the same word made the two threads'
	 * later plain accesses look ordered, and hid their races in that
	 * execution (and a use of a returned frame, race_frame_args.c). */
	struct weft__op op = {
		.name = write ? "racy write" : "racy read",
		.obj = (const void *)((uintptr_t)addr & ~(uintptr_t)7),
		.objname = weft__objname(addr, "memory"),
		.access = write ? WEFT__ACC_WRITE : WEFT__ACC_READ,
		.order = WEFT__ORDER_EXPLICIT, .loc = weft__pc_loc(pc) };

	weft__visible(&op);
	/* Not a poll when the thread runs alone: with nobody to change the
	 * value, a loop that reads it on (a computation once the others
	 * finished or wait for it) would end as a livelock; it is a step
	 * each round, as before. */
	if (write || weft__other_can_run(t))
		weft__race_poll(addr, n, write);
}

void weft__race_poll(const void *addr, size_t n, bool write)
{
	/* The value the thread is about to read (the access comes after
	 * the step). */
	unsigned char v[16] = { 0 };
	uint64_t lo, hi;

	if (write) {
		weft__poll_forget();
		return;
	}
	/* Nothing is mapped below 64 KiB (Linux's mmap_min_addr): a read
	 * through a null pointer (plus an offset) faults in the program's
	 * own access, at its place, not in this copy, which would blame
	 * weft's model. */
	if ((uintptr_t)addr < 65536)
		return;
	memcpy(v, addr, n < sizeof v ? n : sizeof v);
	memcpy(&lo, v, 8);
	memcpy(&hi, v + 8, 8);
	weft__poll_wide((const void *)((uintptr_t)addr & ~(uintptr_t)7), lo,
			hi);
}

void weft__race_volatile_site(uintptr_t pc)
{
	for (uint64_t i = mix(pc);; i++) {
		uintptr_t *s = &R->vsites[i & ((1u << VSITE_BITS) - 1)];
		if (*s == pc)
			return;
		if (!*s) {
			if (R->nvsites >= (1 << VSITE_BITS) / 2)
				return;
			*s = pc;
			R->nvsites++;
			return;
		}
	}
}

static bool volatile_site(uintptr_t pc)
{
	for (uint64_t i = mix(pc);; i++) {
		uintptr_t s = R->vsites[i & ((1u << VSITE_BITS) - 1)];
		if (s == pc)
			return true;
		if (!s)
			return false;
	}
}

/* The access as reports and traces name it; a volatile access is named
 * so, whether it counts as atomic (--volatile=marked) or plain. */
static const char *what(unsigned flags, uintptr_t pc)
{
	bool w = flags & WEFT__RACE_WRITE;

	if (flags & WEFT__RACE_RETURN)
		return "return";
	if (flags & WEFT__RACE_FREE)
		return "free";
	if ((flags & WEFT__RACE_VOLATILE) || volatile_site(pc))
		return w ? "volatile_write" : "volatile_read";
	if (flags & WEFT__RACE_ATOMIC)
		return w ? "atomic write" : "atomic read";
	return w ? "write" : "read";
}

/* A path's last part: the debug info and __FILE__ may spell it
 * differently. */
static const char *base(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

/* When the earlier access's thread published it with a kernel atomic that
 * orders nothing (clear_bit, atomic_set, atomic_inc ...), the report says
 * so: the code looks ordered, and is not in the kernel memory model.  When
 * the earlier access is that atomic's own write (ppc at its place), a
 * barrier before it orders only what came before the barrier, not the
 * write: smp_mb__before_atomic() makes the read-modify-write after it a
 * release (katomic.c), smp_wmb() does not, and is not offered. */
static void unfenced_hint(char *buf, size_t n, int ptid, uint32_t pclk,
			  uintptr_t ppc)
{
	const char *name;
	const struct weft_loc *l, *p;
	bool own;

	if (!weft__clock_unfenced(ptid, pclk, &name, &l))
		return;
	p = weft__pc_loc(ppc);
	own = p && p->line == l->line && p->file && l->file &&
	      !strcmp(base(p->file), base(l->file));
	snprintf(buf, n, "\n  %s's %s at %s:%d does not order it: in "
		 "the kernel memory model %s orders nothing (a "
		 "_release or _unlock form, or smp_mb__before_atomic()%s "
		 "before it, would)",
		 weft__thread_name(ptid), name, l->file,
		 l->line, name, own ? "" : " or smp_wmb()");
}

static int put_access(char *buf, size_t n, const char *lead, int tid,
		      unsigned flags, unsigned size, uintptr_t pc)
{
	const struct weft_loc *l = weft__pc_loc(pc);
	const char *via = weft__pc_via(pc);

	/* An access in library code inlined there is named too: the
	 * program's line alone made it look like the program's own. */
	return snprintf(buf, n, "%s%s of %u bytes by thread %s at %s:%d (%s)%s%s",
			lead, what(flags, pc), size, weft__thread_name(tid),
			l->file, l->line, l->func ? l->func : "?",
			via ? ", inside " : "", via ? via : "");
}

/* The current thread's call stack, one "  in func file:line" per frame. */
static int put_stack(char *buf, size_t n)
{
	uintptr_t st[8];
	int k = weft__race_stack(st, 8), len = 0;

	for (int i = 0; i < k && (size_t)len < n; i++) {
		const struct weft_loc *l = weft__pc_loc(st[i]);
		if (l->line == 0)
			continue; /* weft's own frames (thread start) */
		len += snprintf(buf + len, n - (size_t)len,
				"\n    called from %s at %s:%d",
				l->func ? l->func : "?", l->file, l->line);
	}
	return len;
}

/* A site is a source line: the read and the write of `x++` are one site,
 * so a pair of lines is reported once, not once per instruction. */
static uint64_t site_key(uintptr_t pc)
{
	const struct weft_loc *l = weft__pc_loc(pc);
	uint64_t h = 1469598103934665603ULL;

	if (l->line == 0)
		return pc;
	for (const char *c = l->file; *c; c++)
		h = (h ^ (unsigned char)*c) * 1099511628211ULL;
	return h ^ ((uint64_t)l->line << 32);
}

/* "write at file.c:12" for the report's first line. */
static const char *site_of(unsigned flags, uintptr_t pc)
{
	const struct weft_loc *l = weft__pc_loc(pc);

	return weft__internf("%s at %s:%d", what(flags, pc),
			     weft__file_base(l->file), l->line);
}

void weft__race_report(const void *addr, int ptid, uint32_t pclk,
		       unsigned pflags, unsigned psize, uintptr_t ppc,
		       unsigned flags, unsigned size, uintptr_t pc)
{
	uint64_t a = site_key(pc), b = site_key(ppc);
	uint64_t lo = a < b ? a : b, hi = a < b ? b : a;
	uint64_t key = mix(lo) * 31 + mix(hi ^ 0x9e3779b97f4a7c15ULL);
	const char *obj = weft__objname(addr, "memory");
	int self = weft__self();
	char msg[1024];
	int len;

	if (R->preempt) {
		unsigned h = weft__race_watch_bit((uintptr_t)addr);
		site_add(pc);
		site_add(ppc);
		R->watch[h / 64] |= (uint64_t)1 << (h % 64);
	}
	if (!key)
		key = 1;
	if (!pair_new(key))
		return;
	/* No raw address: reports must read the same in every run.  The
	 * first line names both threads and both places. */
	len = snprintf(msg, sizeof msg, "data race on %s between %s (%s) and "
			"%s (%s):\n  ", obj, weft__thread_name(self),
		       site_of(flags, pc), weft__thread_name(ptid),
		       site_of(pflags, ppc));
	len += put_access(msg + len, sizeof msg - (size_t)len, "", self, flags,
			  size, pc);
	if ((size_t)len < sizeof msg)
		len += put_stack(msg + len, sizeof msg - (size_t)len);
	if ((size_t)len < sizeof msg)
		len += snprintf(msg + len, sizeof msg - (size_t)len, "\n  ");
	if ((size_t)len < sizeof msg)
		len += put_access(msg + len, sizeof msg - (size_t)len,
				  "previous ", ptid, pflags, psize, ppc);
	if ((size_t)len < sizeof msg)
		unfenced_hint(msg + len, sizeof msg - (size_t)len, ptid, pclk,
			      ppc);
	if ((flags & WEFT__RACE_RETURN) && (size_t)len < sizeof msg &&
	    (len = (int)strlen(msg)) < (int)sizeof msg)
		len += snprintf(msg + len, sizeof msg - (size_t)len,
				"\n  the bytes are in the stack frame of the "
				"call%s, which returned while a thread given "
				"a pointer into it could still use it (wait "
				"for the thread before returning)",
				weft__frame_arg_returned(addr));
	/* --races=off (SV-COMP's unreach-call tasks, whose programs race
	 * by design): the race's sites are scheduling points all the same,
	 * so what it lets happen is explored, but it is no bug; the verdict
	 * says races were seen. */
	if (weft__opts.races_off) {
		/* The compiler may keep a racing variable in a register
		 * (the races are undefined behaviour): SV-COMP's
		 * fib_bench at -O1 read each counter once, and its bug
		 * was verified (a probe of SV-COMP-style programs). */
		weft__verdict_note(
			RACES_OFF_NOTE,
			weft__program_optimized()
				? "data races were seen and not reported "
				  "(--races=off); the program was compiled "
				  "with optimization, which may keep a racing "
				  "variable in a register and leave out the "
				  "reads the source makes: to check what the "
				  "source says, build it with -O0"
				: "data races were seen and not reported "
				  "(--races=off)");
		return;
	}
	weft__note_finding(WEFT__K(DATA_RACE), key, msg);
	/* Both accesses go into the drawn trace, where they happened. */
	weft__mark_access(self, weft__vc(self)[self], what(flags, pc), obj,
			  weft__pc_loc(pc));
	weft__mark_access(ptid, pclk, what(pflags, ppc), obj,
			  weft__pc_loc(ppc));
}

__attribute__((constructor)) static void race_report_init(void)
{
	const char *e = getenv("WEFT_RACE_PREEMPT");

	R = weft__persistent_alloc(sizeof *R);
	weft__race_filter = R->filter;
	weft__race_watch = R->watch;
	R->preempt = !(e && strcmp(e, "0") == 0);
}

void weft__race_watch_add(const void *addr)
{
	unsigned h = weft__race_watch_bit((uintptr_t)addr);

	if (R->preempt)
		R->watch[h / 64] |= (uint64_t)1 << (h % 64);
}

void weft__race_watch_hit(uintptr_t pc)
{
	if (weft__race_site_hot(pc) || R->npend == PEND_MAX)
		return;
	for (int i = 0; i < R->npend; i++)
		if (R->pend[i] == pc)
			return;
	R->pend[R->npend++] = pc;
}

/* ---- replay context: the racing sites known when an execution started ---- */

/* The watched sites become racing sites here, before an execution
 * starts: the strategy then restarts (weft__points_changed), as for a
 * race's sites, and the execution's token carries them. */
void weft__replay_context_mark(void)
{
	for (int i = 0; i < R->npend; i++)
		site_add(R->pend[i]);
	R->npend = 0;
	R->marked = R->nsites;
}

/* Sites are stored in tokens as offsets into the executable's image, so a
 * fresh process (at another load address) finds the same sites: a code
 * address as (offset << 1), a tagged source location as (offset << 1) | 1
 * (a static one the program passed, WEFT_HERE).  Sites outside the
 * executable are not carried: a free's site is therefore the program's
 * call (weft__free_step_ra), not the location looked up for it at run
 * time, which lives in weft's memory.
 *
 * A site in a token: the number of the program's object holding it (0:
 * the executable, which is all a token of an earlier version names) in
 * the top bits, its offset there, and whether it is a source location.
 * A site of a library of the program's own counts as much as one of the
 * executable: without it, a replay of a race inside the library did not
 * stop where the run had, and diverged. */
#define CTX_OBJ_SHIFT 56
#define MAX_IMAGES 16
/* Not a site: the run took the SV-COMP nondet values from the wider sets
 * (weft__nondet_wide), whose choices a replay must read as such.  Its
 * object number is none a program has, so an import that does not know
 * it skips it. */
#define CTX_NONDET_WIDE (((uint64_t)0xff << CTX_OBJ_SHIFT) | 0x57494445u)

int weft__replay_context_export(uint64_t *out, int max)
{
	uintptr_t lo[MAX_IMAGES], hi[MAX_IMAGES];
	int n = 0, ni = weft__user_images(lo, hi, MAX_IMAGES);

	for (int i = 0; i < R->marked && n < max; i++) {
		uintptr_t pc = R->order[i], a = pc & ~WEFT__PC_LOC_TAG;
		for (int k = 0; k < ni; k++) {
			if (a < lo[k] || a >= hi[k])
				continue;
			out[n++] = ((uint64_t)k << CTX_OBJ_SHIFT) |
				   ((uint64_t)(a - lo[k]) << 1) |
				   ((pc & WEFT__PC_LOC_TAG) ? 1 : 0);
			break;
		}
	}
	if (weft__nondet_wide && n < max)
		out[n++] = CTX_NONDET_WIDE;
	return n;
}

void weft__replay_context_import(const uint64_t *in, int n)
{
	uintptr_t lo[MAX_IMAGES], hi[MAX_IMAGES];
	int ni = weft__user_images(lo, hi, MAX_IMAGES);
	const uint64_t off_mask = ((uint64_t)1 << CTX_OBJ_SHIFT) - 1;

	for (int i = 0; i < n; i++) {
		int k = (int)(in[i] >> CTX_OBJ_SHIFT);
		uintptr_t a;
		if (in[i] == CTX_NONDET_WIDE) {
			weft__nondet_wide = 1;
			continue;
		}

		/* A library not loaded yet (one the test opens, which the
		 * parent loads once the test asks for it): its sites count
		 * from the run that has it. */
		if (k >= ni)
			continue;
		a = lo[k] + (uintptr_t)((in[i] & off_mask) >> 1);
		if (in[i] & 1)
			a |= WEFT__PC_LOC_TAG;
		site_insert(a);
	}
}
