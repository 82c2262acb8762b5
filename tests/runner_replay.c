/* tests/runner_replay.c - every bug a detection case reports must replay.
 *
 * A report's replay command, pasted into a shell in the directory the
 * program ran in, must find the same kind of bug again.  The runner
 * already runs every detection program, with JSON output: for each bug
 * result it runs the result's "command" and looks for the bug in the
 * replay's text report.  (Two scripts did this by running all ~330 bug
 * programs a second time to get their reports, then the replays: about 40
 * s of processor time, half of it spent finding the bugs again.)
 *
 * The replays of one case run in a child of the runner, one after
 * another, so the runner goes on starting cases meanwhile; the child
 * writes what went wrong, if anything, to a file and exits 1. */

#include "runner.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Runs cmd with sh in the runner's directory; its output in *text. */
static int run_shell(const char *cmd, const char *outpath, char **text)
{
	int status = 0;
	pid_t pid = fork();

	if (pid == 0) {
		int fd = open(outpath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0)
			_exit(127);
		dup2(fd, 1);
		dup2(fd, 2);
		close(fd);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return -1;
	*text = runner_slurp(outpath, NULL);
	unlink(outpath);
	return status;
}

/* The replays of output's bug results, in this (child) process: 0 when
 * each found its bug again, 1 with the reason in resfile otherwise. */
static int replay_each(const char *output, const char *resfile)
{
	char *copy = strdup(output), *save = NULL, tmp[600];
	int bad = 0;

	snprintf(tmp, sizeof tmp, "%s.out", resfile);
	for (char *l = strtok_r(copy, "\n", &save); l && !bad;
	     l = strtok_r(NULL, "\n", &save)) {
		char test[128], verdict[32], kind[64], want[256];
		char *text = NULL, *cmd;
		if (l[0] != '{')
			continue;
		runner_json_field(l, "verdict", verdict, sizeof verdict);
		if (strcmp(verdict, "bug"))
			continue;
		runner_json_field(l, "test", test, sizeof test);
		runner_json_field(l, "kind", kind, sizeof kind);
		/* As long as the line: a long execution's token is long. */
		cmd = malloc(strlen(l) + 1);
		if (!cmd)
			break;
		runner_json_field(l, "command", cmd, strlen(l) + 1);
		snprintf(want, sizeof want, "== %s: bug (%s)", test, kind);
		int st = cmd[0] ? run_shell(cmd, tmp, &text) : -1;
		if (!cmd[0] || !text || !strstr(text, want)) {
			FILE *f = fopen(resfile, "w");
			bad = 1;
			if (f) {
				fprintf(f, "%s: replaying '%s' (exit status "
					   "%d) did not give '%s':\n%.600s",
					test, cmd[0] ? cmd : "(no command)",
					WIFEXITED(st) ? WEXITSTATUS(st) : -1,
					want, text ? text : "");
				fclose(f);
			}
		}
		free(text);
		free(cmd);
	}
	free(copy);
	return bad;
}

pid_t runner_replay_start(const char *output, const char *resfile)
{
	pid_t pid;

	if (!strstr(output, "\"verdict\":\"bug\""))
		return 0;
	unlink(resfile);
	pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		_exit(replay_each(output, resfile));
	}
	return pid > 0 ? pid : 0;
}
