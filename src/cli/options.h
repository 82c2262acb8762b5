/* src/cli/options.h - command-line parsing (see options.c). */
#ifndef WEFT_OPTIONS_H
#define WEFT_OPTIONS_H

#include <stdio.h>

struct weft__cli {
	bool help, version;
};

void weft__parse_options(struct weft__cli *cli, int argc, char **argv);
void weft__usage(FILE *out, const char *argv0);

#endif
