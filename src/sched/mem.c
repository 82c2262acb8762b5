/* src/sched/mem.c - weft's own memory: persistent and per-execution arenas,
 * and the string pool shared with the report printer.
 *
 * Both arenas are bump allocators over reserved address space, outside the
 * program's data segments, so restoring those segments never touches them.
 * The execution arena is rewound at the start of every execution and its
 * pages are returned to the kernel now and then, keeping memory flat over
 * millions of executions. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>

#include "sched.h"

struct arena {
	char *base;
	size_t used, cap, high;
};

static struct arena *persist, *execa;

_Noreturn void weft__die_reserve_at(const char *file, int line,
				    const char *what, size_t bytes)
{
	struct rlimit as;
	char lim[64] = "unlimited", msg[400];
	int err = errno;

	if (getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY)
		snprintf(lim, sizeof lim, "%llu MiB",
			 (unsigned long long)(as.rlim_cur >> 20));
	/* A limit of the machine's, not weft's error nor the program's: no
	 * "internal error" (a probe read it as a bug of weft's). */
	snprintf(msg, sizeof msg,
		 "cannot reserve %zu MiB of address space for %s (%s): "
		 "weft reserves tens of GiB it mostly never touches, which "
		 "an address-space limit (ulimit -v, here %s) or valgrind "
		 "refuses",
		 bytes >> 20, what, strerror(err), lim);
	(void)file;
	(void)line;
	weft__die_msg(msg);
}

static void arena_init(struct arena *a, size_t cap)
{
	a->base = mmap(NULL, cap, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (a->base == MAP_FAILED)
		weft__die_reserve("weft's own tables", cap);
	a->cap = cap;
}

static void *arena_take(struct arena *a, size_t n, const char *what)
{
	size_t off = (a->used + 15) & ~(size_t)15;

	if (off + n > a->cap)
		weft__die("out of %s memory (%zu bytes used)", what, a->used);
	a->used = off + n;
	if (a->used > a->high)
		a->high = a->used;
	return a->base + off;
}

static void ensure_init(void)
{
	static struct arena boot;   /* only until persist exists */

	if (persist)
		return;
	arena_init(&boot, (size_t)1 << 34);
	persist = arena_take(&boot, sizeof *persist, "weft");
	*persist = boot;
	execa = arena_take(persist, sizeof *execa, "weft");
	arena_init(execa, (size_t)1 << 34);
}

void *weft__persistent_alloc(size_t n)
{
	ensure_init();
	return arena_take(persist, n, "persistent");
}

/* Rewound memory holds the last executions' data: for a caller that
 * writes every field it reads. */
void *weft__exec_alloc_raw(size_t n)
{
	ensure_init();
	return arena_take(execa, n, "per-execution");
}

/* Memory from mmap is zero, and rewound memory is cleared here, so callers
 * always get zeroed blocks. */
void *weft__exec_alloc(size_t n)
{
	void *p = weft__exec_alloc_raw(n);

	memset(p, 0, n);
	return p;
}

void weft__exec_mem_reset(void)
{
	static long resets;

	ensure_init();
	execa->used = 0;
	/* Give pages back every few thousand executions; in between the same
	 * pages are reused, which is what keeps an execution cheap. */
	if (++resets % 4096 == 0 && execa->high > ((size_t)1 << 20)) {
		madvise(execa->base, execa->high, MADV_DONTNEED);
		execa->high = 0;
	}
}

/* The strings interned lately, by a hash of their bytes: a name made
 * again (a poll's object named at every round) is the one already in the
 * pool, so a loop cannot fill it (a million lone polls of a struct's
 * member did, and every later name read "(name pool full)").  An entry is
 * trusted only where the pool's used part holds the same bytes, so one
 * left from before the pool was rewound is harmless. */
#define INTERN_RECENT 256
static struct {
	uint32_t hash;
	uint32_t off;
} recent[INTERN_RECENT];

static uint32_t str_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

const char *weft__intern(const char *s)
{
	struct weft__trace *T = weft__S ? &weft__S->t : NULL;
	size_t n;
	uint32_t h;
	char *p;

	if (!s)
		return NULL;
	/* Outside a worker (the parent, the unit tests) there is no pool:
	 * a copy that lives for the process, since s may be a caller's
	 * buffer (weft__internf's). */
	if (!T) {
		p = strdup(s);
		return p ? p : "(out of memory)";
	}
	n = strlen(s) + 1;
	h = str_hash(s, n);
	{
		size_t off = recent[h % INTERN_RECENT].off;
		if (recent[h % INTERN_RECENT].hash == h &&
		    off + n <= T->pool_used && !memcmp(T->pool + off, s, n))
			return T->pool + off;
	}
	/* The pool is rewound at every execution start (weft__exec_reset), so
	 * only the current execution's names use it. */
	if (T->pool_used + n > sizeof T->pool)
		return "(name pool full)";
	p = T->pool + T->pool_used;
	memcpy(p, s, n);
	recent[h % INTERN_RECENT].hash = h;
	recent[h % INTERN_RECENT].off = (uint32_t)T->pool_used;
	T->pool_used += n;
	return p;
}

/* By hand rather than with weft__internf: names like "worker#2" and
 * "stats+8" are made at every spawn and at every operation on a static
 * struct's member, where the formatted print showed in the profiles. */
const char *weft__intern_numbered(const char *name, char sep, size_t n)
{
	char buf[512], digits[24];
	size_t len = strlen(name), k = 0;

	if (len > sizeof buf - sizeof digits - 2)
		len = sizeof buf - sizeof digits - 2;
	memcpy(buf, name, len);
	buf[len++] = sep;
	do
		digits[k++] = (char)('0' + n % 10);
	while ((n /= 10) > 0);
	while (k)
		buf[len++] = digits[--k];
	buf[len] = 0;
	return weft__intern(buf);
}

const char *weft__internf(const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return weft__intern(buf);
}

const struct weft_loc *weft__intern_loc(const char *file, int line,
					const char *func)
{
	struct weft__trace *T = weft__S ? &weft__S->t : NULL;
	struct weft_loc *l;
	size_t off;

	if (!T)
		return NULL;
	off = (T->pool_used + 15) & ~(size_t)15;
	if (off + sizeof *l > sizeof T->pool)
		return NULL;
	l = (struct weft_loc *)(void *)(T->pool + off);
	T->pool_used = off + sizeof *l;
	l->file = weft__intern(file);
	l->line = line;
	l->func = weft__intern(func);
	return l;
}

uint64_t weft__locs_gen = 1;

void weft__locs_reset(void)
{
	if (weft__S)
		weft__S->t.locs_used = 0;
	weft__locs_gen++;
}

const struct weft_loc *weft__keep_loc(const struct weft_loc *l)
{
	struct weft__trace *T = weft__S ? &weft__S->t : NULL;
	size_t off, nf, nu;
	struct weft_loc *k;
	char *p;

	if (!T)
		return NULL;
	off = (T->locs_used + 7) & ~(size_t)7;
	nf = strlen(l->file) + 1;
	nu = l->func ? strlen(l->func) + 1 : 0;
	if (off + sizeof *k + nf + nu > sizeof T->locs)
		return NULL;
	k = (struct weft_loc *)(void *)(T->locs + off);
	p = (char *)(k + 1);
	memcpy(p, l->file, nf);
	k->file = p;
	k->line = l->line;
	k->func = NULL;
	if (l->func) {
		memcpy(p + nf, l->func, nu);
		k->func = p + nf;
	}
	T->locs_used = off + sizeof *k + nf + nu;
	return k;
}
