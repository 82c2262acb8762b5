/* src/pthread/env.c - the environment (getenv, setenv, unsetenv, putenv,
 * clearenv): as at start-up in every execution, and as the race detector
 * sees it.
 *
 * The environment lives in the C library's memory, which weft does not
 * restore between executions (only the program's data is): a setenv in
 * one execution was still in force in the next, which then took another
 * path.  It is saved before the first execution and put back at the start
 * of any execution that follows one that changed it.
 *
 * getenv walks the environment while setenv may move it (glibc calls
 * getenv safe only while nobody changes the environment): the environment
 * is an object of this file, which getenv reads and the others write, so
 * a setenv not ordered with another thread's getenv or setenv is a data
 * race "on the environment".  None of these blocks or is a scheduling
 * point. */
#include <stdlib.h>
#include <string.h>

#include "pthread/pt.h"
#include "modelled.h"
#include "report/report.h"

extern char **environ;

static char the_environment[sizeof(char **)];
static char **saved;     /* NAME=VALUE strings at start-up, kept for good */
static bool changed;     /* since the last execution started */
/* The strings the program gave putenv in this execution: the
 * environment holds them, not copies, and every walk of it reads them
 * (past MAX_GIVEN, every entry is checked). */
#define MAX_GIVEN 64
static const char *given[MAX_GIVEN];
static int ngiven;
static bool many;

__attribute__((constructor)) static void name_environment(void)
{
	weft__name_model_object(the_environment, sizeof the_environment,
				"the environment");
}

static void save(void)
{
	size_t n = 0;

	while (environ && environ[n])
		n++;
	saved = calloc(n + 1, sizeof *saved);
	if (!saved)
		weft__die("no memory to save the environment");
	for (size_t i = 0; i < n; i++)
		if (!(saved[i] = strdup(environ[i])))
			weft__die("no memory to save the environment");
}

void weft__pthread_env_begin(void)
{
	if (!saved)
		save();
	ngiven = 0;
	many = false;
	if (!changed)
		return;
	changed = false;
	clearenv();
	for (char **e = saved; *e; e++)
		putenv(*e);
}

static void env_access(bool write, uintptr_t pc)
{
	if (write)
		changed = true;
	if (weft__race_on)
		weft__race_access(the_environment, sizeof the_environment,
				  write ? WEFT__RACE_WRITE : 0, pc);
}

/* The environment's array holds the strings putenv was given (setenv's
 * copies are the C library's own blocks): a root of the leak check while
 * a string is in it. */
void weft__pt_env_roots(void (*root)(void *ctx, const char *lo,
				     const char *hi),
			void *ctx)
{
	size_t n = 0;

	while (environ && environ[n])
		n++;
	if (n)
		root(ctx, (const char *)environ, (const char *)(environ + n));
}

static bool is_given(const char *e)
{
	if (many)
		return true;
	for (int i = 0; i < ngiven; i++)
		if (given[i] == e)
			return true;
	return false;
}

/* The C library's walk of the environment for the variable name (len
 * bytes of it): each entry's bytes up to the first that differs from
 * "name=", compared as the C library compares them.  Those of the
 * strings the program gave putenv are the program's memory, checked as
 * its reads (a string freed, or on the stack of a thread that ended, is
 * a use-after-free at the call; one another thread writes, a race):
 * before, getenv read them unchecked, and only a later read of the value
 * reported the use. */
static void walk(const char *name, size_t len, uintptr_t pc)
{
	if (!weft__race_on || (!ngiven && !many))
		return;
	for (char **ep = environ; ep && *ep; ep++) {
		const char *e = *ep;
		size_t k = 0;

		if (!is_given(e))
			continue;
		/* The first byte first: a freed string's others are not
		 * to be read (the check ends the execution). */
		weft__race_access(e, 1, 0, pc);
		while (k < len && e[k] == name[k])
			k++;
		weft__race_access(e, k + 1, 0, pc);
	}
}

static size_t name_len(const char *name)
{
	const char *eq = name ? strchr(name, '=') : NULL;

	return !name ? 0 : eq ? (size_t)(eq - name) : strlen(name);
}

char *__weft_getenv(const char *name)
{
	env_access(false, PT_RA());
	if (name)
		walk(name, name_len(name), PT_RA());
	return getenv(name);
}

char *__weft_secure_getenv(const char *name)
{
	env_access(false, PT_RA());
	if (name)
		walk(name, name_len(name), PT_RA());
	return secure_getenv(name);
}

int __weft_setenv(const char *name, const char *value, int overwrite)
{
	env_access(true, PT_RA());
	if (name && *name && !strchr(name, '='))
		walk(name, strlen(name), PT_RA());
	return setenv(name, value, overwrite);
}

int __weft_unsetenv(const char *name)
{
	env_access(true, PT_RA());
	if (name && *name && !strchr(name, '='))
		walk(name, strlen(name), PT_RA());
	return unsetenv(name);
}

int __weft_putenv(char *string)
{
	env_access(true, PT_RA());
	if (string && strchr(string, '=')) {
		walk(string, name_len(string), PT_RA());
		if (weft__pt_live()) {
			if (ngiven < MAX_GIVEN)
				given[ngiven++] = string;
			else
				many = true;
		}
	}
	return putenv(string);
}

int __weft_clearenv(void)
{
	env_access(true, PT_RA());
	return clearenv();
}
