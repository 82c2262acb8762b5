/* src/pthread/fs_names.c - the objects that stand for files' names in
 * the steps of fs.c: a hash of a name's last component, the same in every
 * execution, or for a name made unique (mkstemp ...) a key of its maker. */
#include <string.h>

#include "pthread/pt.h"

#define NAMES 256
static char names[NAMES];

/* Names made unique in this execution (mkstemp, mkdtemp ...: another in
 * every execution), each keyed by the thread that made it and how many
 * it had made before: the same key in every execution of the same
 * decisions.  A hash of such a name was another object in each, and the
 * reductions, which key steps by object, took a planned order for
 * redundant: a thread unlinking a mkstemp file under another's open was
 * verified (a review's probe; replays now compare objects). */
#define UNIQUE 32
#define NAME_KEEP 48
static struct {
	char s[NAME_KEEP];
	size_t len;
	uint32_t key;
} uniq[UNIQUE];
static int nuniq;
static unsigned short made_by[WEFT__MAX_THREADS];
static int made_dirty;
static long uniq_gen = -1;

static void uniq_fresh(void)
{
	if (uniq_gen == weft__exec_gen())
		return;
	uniq_gen = weft__exec_gen();
	nuniq = 0;
	memset(made_by, 0, sizeof made_by[0] * (size_t)made_dirty);
	made_dirty = 0;
}

/* path's last component, [*start, *end). */
static void last_component(const char *path, const char **start,
			   const char **end)
{
	const char *e = path + strlen(path), *b;

	while (e > path + 1 && e[-1] == '/')
		e--;
	b = e;
	while (b > path && b[-1] != '/')
		b--;
	*start = b;
	*end = e;
}

void weft__pt_fs_unique(const char *path)
{
	const char *start, *end;
	int self = weft__self();
	size_t len;

	if (!path || self < 0)
		return;
	uniq_fresh();
	if (nuniq == UNIQUE)
		return; /* hashed: more orders tried, or another object */
	last_component(path, &start, &end);
	len = (size_t)(end - start);
	uniq[nuniq].len = len;
	memcpy(uniq[nuniq].s, start, len < NAME_KEEP ? len : NAME_KEEP);
	uniq[nuniq++].key = (uint32_t)self * 2654435761u ^ made_by[self]++;
	if (self >= made_dirty)
		made_dirty = self + 1;
}

/* The object of path's last component: a hash of the name, the same in
 * every execution for the same name, or a made-unique name's key. */
const void *weft__pt_name_obj(const char *path)
{
	const char *end, *start;
	uint32_t h = 2166136261u;
	size_t len;

	if (!path)
		return &names[0];
	last_component(path, &start, &end);
	len = (size_t)(end - start);
	uniq_fresh();
	for (int i = 0; i < nuniq; i++)
		if (uniq[i].len == len &&
		    !memcmp(uniq[i].s, start, len < NAME_KEEP ? len : NAME_KEEP))
			return &names[uniq[i].key % NAMES];
	for (const char *c = start; c < end; c++)
		h = (h ^ (unsigned char)*c) * 16777619u;
	return &names[h % NAMES];
}

bool weft__pt_is_name_obj(const void *obj)
{
	return (const char *)obj >= names && (const char *)obj < names + NAMES;
}
