/* src/pthread/libc_global.c - state the C library keeps for the whole
 * process without a lock: hsearch's one table (hcreate, hsearch,
 * hdestroy) and the global locale (setlocale against localeconv and
 * nl_langinfo), as the race detector sees them, and as at start-up in
 * every execution.
 *
 * glibc marks hcreate, hsearch and hdestroy MT-Unsafe (race:hsearch):
 * they share one hidden table, which two threads' calls change unordered.
 * setlocale changes the global locale, which localeconv and nl_langinfo
 * read (glibc: MT-Unsafe const:locale; setlocale itself MT-Unsafe
 * race:LC_ALL), and localeconv fills one static struct lconv that every
 * call overwrites (race:localeconv).  The C library is not instrumented,
 * and a probe found two threads adding to the table unlocked verified,
 * and a setlocale against two threads' localeconv too.  As for strtok
 * (src/tsan/libc_state.c) and the environment (env.c), each state is an
 * object of this file, named for the reports, which a call reads or
 * writes: an ENTER, hcreate, hdestroy and setlocale with a locale name
 * write theirs; a FIND, setlocale's query (NULL) and nl_langinfo read;
 * localeconv reads the locale and writes its result, whose fields the
 * caller then reads.  hsearch_r, uselocale and the _l functions work on
 * objects of the caller's and are left to the C library.
 *
 * Both states live in the C library's memory, which weft does not restore
 * between executions: a table one execution made made the next one's
 * hcreate fail, and a locale it set was in force in the next.  So the
 * table made in an execution is destroyed, and the locale put back as it
 * was before the first one, when the next begins.  None of these blocks
 * or is a scheduling point. */
#include <langinfo.h>
#include <locale.h>
#include <search.h>
#include <stdlib.h>
#include <string.h>

#include "pthread/pt.h"
#include "modelled.h"
#include "report/report.h"
#include "tsan/tsan.h"

static char hsearch_table[sizeof(void *)];
static char the_locale[sizeof(void *)];

static bool table_made;     /* by an execution, and not yet destroyed */
static bool locale_changed; /* since the last execution began */
static char *start_locale;  /* setlocale(LC_ALL, NULL) before the first */

__attribute__((constructor)) static void name_state(void)
{
	weft__name_model_object(hsearch_table, sizeof hsearch_table,
				"hsearch's table");
	weft__name_model_object(the_locale, sizeof the_locale,
				"the locale");
}

void weft__pthread_libc_global_begin(void)
{
	if (!start_locale) {
		const char *l = setlocale(LC_ALL, NULL);
		if (!(start_locale = strdup(l ? l : "C")))
			weft__die("no memory to save the locale");
	}
	if (table_made) {
		hdestroy();
		table_made = false;
	}
	if (locale_changed) {
		setlocale(LC_ALL, start_locale);
		locale_changed = false;
	}
}

static void access_(const void *obj, size_t n, bool write, uintptr_t pc)
{
	if (weft__race_on)
		weft__race_access(obj, n, write ? WEFT__RACE_WRITE : 0, pc);
}

/* ---- hsearch's table --------------------------------------------------- */

int __weft_hcreate(size_t nel)
{
	int r;

	access_(hsearch_table, sizeof hsearch_table, true, PT_RA());
	r = hcreate(nel);
	if (r && weft__pt_live())
		table_made = true;
	return r;
}

void __weft_hdestroy(void)
{
	access_(hsearch_table, sizeof hsearch_table, true, PT_RA());
	hdestroy();
	table_made = false;
}

/* The key is read (compared with the table's); an ENTER may add the
 * item, a FIND only looks. */
ENTRY *__weft_hsearch(ENTRY item, ACTION action)
{
	uintptr_t pc = PT_RA();

	if (item.key)
		access_(item.key, strlen(item.key) + 1, false, pc);
	access_(hsearch_table, sizeof hsearch_table, action == ENTER, pc);
	return hsearch(item, action);
}

/* ---- the locale -------------------------------------------------------- */

char *__weft_setlocale(int category, const char *locale)
{
	uintptr_t pc = PT_RA();

	if (locale) {
		access_(locale, strlen(locale) + 1, false, pc);
		if (weft__pt_live())
			locale_changed = true;
	}
	access_(the_locale, sizeof the_locale, locale != NULL, pc);
	return setlocale(category, locale);
}

/* A read of the global locale, unless the calling thread has one of its
 * own (uselocale): localeconv and nl_langinfo then read that one, and
 * such a reader against a setlocale was a false data race (a review's
 * probe).  (weft's threads share one operating system thread, whose
 * locale uselocale sets: the answer is the last uselocale's.) */
static void global_locale_read(uintptr_t pc)
{
	if (uselocale((locale_t)0) == LC_GLOBAL_LOCALE)
		access_(the_locale, sizeof the_locale, false, pc);
}

/* The struct it returns is one for the process, filled by every call:
 * named after it, and written, so that a caller's reads of its fields
 * race with another thread's call. */
struct lconv *__weft_localeconv(void)
{
	static const void *named;
	uintptr_t pc = PT_RA();
	struct lconv *r;

	global_locale_read(pc);
	r = localeconv();
	if (r && weft__race_on) {
		weft__tsan_name_result(&named, r, sizeof *r,
				       "localeconv's static result");
		weft__race_access(r, sizeof *r, WEFT__RACE_WRITE, pc);
	}
	return r;
}

char *__weft_nl_langinfo(nl_item item)
{
	global_locale_read(PT_RA());
	return nl_langinfo(item);
}
