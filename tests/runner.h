/* tests/runner.h - what the test runner's files offer one another. */
#ifndef WEFT_TESTS_RUNNER_H
#define WEFT_TESTS_RUNNER_H

#include <stddef.h>
#include <sys/types.h>

/* The whole file at path, NUL-terminated (malloc'd), or NULL; its length
 * in *len if len is not NULL (runner.c). */
char *runner_slurp(const char *path, size_t *len);

/* The value of "key" in a JSON result line into out (n bytes): a
 * string's characters with its escapes undone, or a number or null as it
 * is written; "" when the line has no such key (runner.c). */
void runner_json_field(const char *line, const char *key, char *out,
		       size_t n);

/* Starts a child that replays every bug result among output's JSON lines
 * with the result's replay command, and exits 0 when each replay reported
 * the same bug, 1 (the reason written to resfile) otherwise.  Returns its
 * pid, or 0 when output has no bug to replay (runner_replay.c). */
pid_t runner_replay_start(const char *output, const char *resfile);

#endif
