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

char *__weft_getenv(const char *name)
{
	env_access(false, PT_RA());
	return getenv(name);
}

char *__weft_secure_getenv(const char *name)
{
	env_access(false, PT_RA());
	return secure_getenv(name);
}

int __weft_setenv(const char *name, const char *value, int overwrite)
{
	env_access(true, PT_RA());
	return setenv(name, value, overwrite);
}

int __weft_unsetenv(const char *name)
{
	env_access(true, PT_RA());
	return unsetenv(name);
}

int __weft_putenv(char *string)
{
	env_access(true, PT_RA());
	return putenv(string);
}

int __weft_clearenv(void)
{
	env_access(true, PT_RA());
	return clearenv();
}
