/* tests/unit/main.c - the unit test binary: --list names the tests, a name
 * runs one (the runner forks each separately). */
#include <stdlib.h>

#include "unit.h"

static struct unit *units;
int unit_failed;

void unit_register(struct unit *u)
{
	struct unit **p = &units;
	while (*p)
		p = &(*p)->next;
	*p = u;
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--list")) {
		for (struct unit *u = units; u; u = u->next)
			printf("%s\n", u->name);
		return 0;
	}
	if (argc != 2) {
		fprintf(stderr, "usage: %s --list | NAME\n", argv[0]);
		return 2;
	}
	for (struct unit *u = units; u; u = u->next)
		if (!strcmp(u->name, argv[1])) {
			u->fn();
			printf("%s: %s\n", u->name, unit_failed ? "FAILED" : "ok");
			return unit_failed;
		}
	fprintf(stderr, "no unit test named %s\n", argv[1]);
	return 2;
}
