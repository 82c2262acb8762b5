/* src/cli/options.h - command-line parsing (see options.c). */
#ifndef WEFT_OPTIONS_H
#define WEFT_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct weft__cli {
	bool help, version;
};

/* Where reports go besides stdout, and the progress switch: only the
 * parent reads these, so they stay out of weft__opts (internal.h), which
 * every subsystem sees. */
struct weft__outputs {
	bool quiet;             /* no progress line on stderr */
	const char *junit;      /* --junit=FILE */
	const char *sarif;      /* --sarif=FILE */
	const char *json_file;  /* --json=FILE: JSON Lines */
};
extern struct weft__outputs weft__outputs;

/* Parse WEFT_OPTIONS (env, may be NULL) and then argv[1..]; flags win.
 * Returns false with one line in err (no "weft: " prefix) on a bad flag
 * or value; never exits, so a fuzzer and unit tests can call it. */
bool weft__options_parse(struct weft__cli *cli, const char *env, int argc,
			 char **argv, char *err, size_t errlen);
/* The same for the program: a bad flag prints one line, exits 2. */
void weft__parse_options(struct weft__cli *cli, int argc, char **argv);
/* Defaults back and the parser's copies freed (tests, fuzzing). */
void weft__options_reset(void);
void weft__usage(FILE *out, const char *argv0);

#endif
