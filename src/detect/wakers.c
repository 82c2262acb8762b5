/* src/detect/wakers.c - who would complete or wake what a thread waits
 * for, for a deadlock report.
 *
 * A thread blocked in wait_for_completion or wait_event waits for a call
 * that has not happened: nothing in the execution says which thread would
 * make it, and the report once said "nobody has completed" with no cycle
 * even when the completer was blocked on a mutex the waiter held.  The
 * program's code says it, though: every complete() and wake_up() of the
 * kernel headers records its call site, with the object as written, in
 * the program's section weft_wake (WEFT_WAKE_HERE, <weft/loc.h>), whose
 * bounds src/wrap_main.c hands over at the start.  A blocked thread whose
 * functions (the one it is blocked in, and its callers) contain such a
 * site for an object of the waited object's name is the one that would
 * make the call, once it could run on.  Names are matched, not objects:
 * the report shows the site's expression, for the reader to judge. */
#include <string.h>

#include "internal.h"
#include "detect/race.h"

static const struct weft_wake_site *sites, *sites_end;

void weft__wake_sites(const struct weft_wake_site *start,
		      const struct weft_wake_site *end)
{
	sites = start;
	sites_end = end;
}

/* The last member of a name or an expression: "&dev->done", "d.done"
 * and "done" are all "done" (init_completion(&d->done) names the object
 * "d->done", and its completer may reach it by another pointer).  len is
 * set to the member's length. */
static const char *member(const char *s, size_t *len)
{
	const char *start = s, *p;
	size_t n;

	for (p = s; *p; p++)
		if (*p == '.' || (*p == '>' && p > s && p[-1] == '-'))
			start = p + 1;
	while (*start == '&' || *start == '*' || *start == '(' ||
	       *start == ' ')
		start++;
	n = strlen(start);
	while (n && (start[n - 1] == ')' || start[n - 1] == ' '))
		n--;
	*len = n;
	return start;
}

static bool same_object(const char *expr, const char *name)
{
	size_t a, b;
	const char *x = member(expr, &a), *y = member(name, &b);

	return a && a == b && !memcmp(x, y, a);
}

const struct weft_wake_site *weft__wake_site_in(const char *func,
						int after,
						const char *family,
						const char *name)
{
	if (!func || !name)
		return NULL;
	for (const struct weft_wake_site *s = sites; s && s < sites_end; s++)
		if (s->loc && s->loc->func && s->what && s->obj &&
		    s->loc->line > after && !strcmp(s->loc->func, func) &&
		    strstr(s->what, family) &&
		    same_object(s->obj, name))
			return s;
	return NULL;
}

/* Thread t's functions, innermost first: the one its pending operation
 * is called from, then those of its call sites the race detector keeps
 * (none in the core-only build).  weft's own frames have no line.  Only
 * a site after the line the thread is at in each function counts: one
 * before it ran already (a wake-up lost before the wait began, which the
 * report said "would wake it" before this rule), or runs again only in
 * a loop, which a line cannot tell; a report then says it cannot tell
 * rather than guess. */
const struct weft_wake_site *weft__wake_site_of_thread(int t,
						       const char *family,
						       const char *name)
{
	const struct weft__op *op = weft__thread_pending(t);
	const struct weft_wake_site *s = NULL;
	uintptr_t st[16];
	int k;

	if (!sites || weft__thread_done(t) || !op)
		return NULL;
	if (op->loc)
		s = weft__wake_site_in(op->loc->func, op->loc->line, family,
				       name);
	k = weft__race_stack_of(t, st, 16);
	for (int i = 0; i < k && !s; i++) {
		const struct weft_loc *l = weft__pc_loc(st[i]);
		if (l && l->line)
			s = weft__wake_site_in(l->func, l->line, family, name);
	}
	return s;
}
