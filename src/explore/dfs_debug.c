/* src/explore/dfs_debug.c - switches for work on the explorer itself.
 *
 * WEFT_DFS_PREFIX=TOKEN makes the first DFS execution follow a token, so
 * the explorer says where it cannot; WEFT_DFS_TARGET=TOKEN reports, after
 * each execution, how far it followed a target schedule and what the node
 * where it left offered.  (WEFT_DFS_FULL and WEFT_DFS_NO_SLEEP, read in
 * dfs.c, turn the reduction off for cross-checks.)  WEFT_DEBUG_EXEC=1
 * prints every execution's steps (loop.c asks for it). */
#include <stdio.h>
#include <stdlib.h>

#include "sched/run.h"
#include "dfs.h"
#include "explore.h"

/* WEFT_DFS_PREFIX=TOKEN (debugging): the first execution follows the
 * token's decisions, so the explorer says where it cannot follow them. */
void weft__dfs_prefix_from_env(struct node *nodes, long cap, long *depth,
			       long *replay_len)
{
	const char *tok = getenv("WEFT_DFS_PREFIX"), *err = NULL;
	uint32_t *d = NULL;
	long n;

	if (!tok || !weft__cur_test)
		return;
	uint64_t *ctx = NULL;
	int nctx = 0;
	n = weft__token_decode(weft__cur_test->name, tok, &d, &ctx, &nctx, &err);
	free(ctx);
	if (n < 0)
		weft__die("WEFT_DFS_PREFIX: %s", err);
	for (long i = 0; i < n && i < cap; i++) {
		weft__tset one;
		if (d[i] >= WEFT__MAX_THREADS)
			weft__die("WEFT_DFS_PREFIX: thread %u out of range", d[i]);
		one = weft__ts_one((int)d[i]);
		nodes[i] = (struct node){ .chosen = d[i], .backtrack = one,
					  .done = one, .explored = one };
	}
	*depth = *replay_len = n;
	free(d);
}


/* WEFT_DFS_TARGET=TOKEN (debugging): after each execution, report how far
 * it followed the target schedule and what the node where it left offered. */
void weft__dfs_target_check(const struct node *nodes, long depth)
{
	static uint32_t *tgt;
	static long ntgt = -1, best = -1;
	const char *tok = getenv("WEFT_DFS_TARGET"), *err = NULL;
	uint32_t *dec = weft__trace_dec(&weft__S->t);
	long k = 0;

	if (!tok)
		return;
	if (ntgt < 0)
	{
		uint64_t *ctx = NULL;
		int nctx = 0;
		ntgt = weft__token_decode(weft__cur_test->name, tok, &tgt, &ctx,
					  &nctx, &err);
		free(ctx);
	}
	while (k < ntgt && k < weft__S->t.ndec && dec[k] == tgt[k])
		k++;
	if (k <= best)
		return;
	best = k;
	if (k < ntgt && k < depth)
		fprintf(stderr,
			"target: exec %ld follows %ld/%ld decisions; node %ld "
			"chose %u, target %u, enabled %#llx backtrack %#llx "
			"done %#llx sleep %#llx (threads 0-63) preempt %d "
			"prev %d/%d\n",
			weft__exec_no(), k, ntgt, k, dec[k], tgt[k],
			(unsigned long long)nodes[k].enabled.w[0],
			(unsigned long long)nodes[k].backtrack.w[0],
			(unsigned long long)nodes[k].done.w[0],
			(unsigned long long)nodes[k].sleep.w[0], nodes[k].preempt,
			nodes[k].prev_tid, nodes[k].prev_runnable);
}

void weft__dump_execution(enum exec_result r)
{
	struct weft__step *st = weft__trace_steps(&weft__S->t);

	fprintf(stderr, "exec %ld [%d] leaf %ld%s:", weft__exec_no(), (int)r,
		weft__S->v.leaf, weft__split_foreign() ? " foreign" : "");
	for (long i = 0; i < weft__S->t.nsteps; i++)
		fprintf(stderr, " %d:%s%s%s", st[i].tid, st[i].op,
			st[i].objname ? "/" : "", st[i].objname ? st[i].objname : "");
	fputc('\n', stderr);
}
