/* src/explore/kept.c - a finding's execution kept aside while the search
 * goes on: the trace part of the shared record, copied out and put back
 * for the report at the end, and the replay token of the execution just
 * ended. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "explore.h"
#include "sched/run.h"

/* Findings that end no execution (lock-order, data-race) still want a
 * trace: the trace part of the record (record.h) of the first execution
 * that produced one is copied aside and put back at the end, with every
 * count the report prints beside it (its steps and preemptions; the
 * context switches are counted from the steps).  The string
 * pool goes back to the same address, so the steps' pointers into it stay
 * valid. */
struct weft__kept {
	long nsteps, ndec;
	int preemptions;
	int nthreads;
	const char *names[WEFT__MAX_THREADS];
	struct weft__step blocked[WEFT__MAX_THREADS];
	size_t pool_used;
	char *pool;
	uint32_t *dec;
	struct weft__step *steps;
	int nctx;
	uint64_t ctx[512];
};

struct weft__kept *weft__kept_save(struct weft__trace *T)
{
	struct weft__kept *v = calloc(1, sizeof *v);

	v->nsteps = T->nsteps;
	v->ndec = T->ndec;
	v->preemptions = T->preemptions;
	v->nthreads = T->nthreads;
	memcpy(v->names, T->thread_names, sizeof v->names);
	memcpy(v->blocked, T->blocked, sizeof v->blocked);
	v->pool_used = T->pool_used;
	v->pool = malloc(T->pool_used + 1);
	memcpy(v->pool, T->pool, T->pool_used);
	v->dec = malloc(sizeof *v->dec * (size_t)(T->ndec + 1));
	memcpy(v->dec, weft__trace_dec(T), sizeof *v->dec * (size_t)T->ndec);
	v->nctx = weft__exec_context_export(v->ctx, 512);
	v->steps = malloc(sizeof *v->steps * (size_t)(T->nsteps + 1));
	memcpy(v->steps, weft__trace_steps(T),
	       sizeof *v->steps * (size_t)T->nsteps);
	return v;
}

void weft__kept_restore(struct weft__shm *S, const struct weft__kept *v)
{
	struct weft__trace *T = &S->t;

	T->nsteps = v->nsteps;
	T->ndec = v->ndec;
	T->preemptions = v->preemptions;
	T->nthreads = v->nthreads;
	memcpy(T->thread_names, v->names, sizeof v->names);
	memcpy(T->blocked, v->blocked, sizeof v->blocked);
	T->pool_used = v->pool_used;
	T->nctx = v->nctx;
	memcpy(T->ctx, v->ctx, sizeof v->ctx);
	memcpy(T->pool, v->pool, v->pool_used);
	memcpy(weft__trace_dec(T), v->dec, sizeof *v->dec * (size_t)v->ndec);
	memcpy(weft__trace_steps(T), v->steps,
	       sizeof *v->steps * (size_t)v->nsteps);
	/* The verdict's details were the last execution's, not this one's. */
	S->v.detail_len = 0;
	S->v.detail[0] = 0;
}

/* The token of the execution just ended, for S->v.found_token. */
void weft__kept_token(const struct weft_test *t, struct weft__shm *S)
{
	uint64_t ctx[512];
	int nctx = weft__exec_context_export(
		ctx, (int)(sizeof ctx / sizeof ctx[0]));
	char *tok = weft__token_encode(t->name, weft__trace_dec(&S->t),
				       S->t.ndec, ctx, nctx);

	S->v.found_token[0] = 0;
	S->v.found_nfind = S->v.nfindings;
	if (tok && strlen(tok) < sizeof S->v.found_token)
		snprintf(S->v.found_token, sizeof S->v.found_token, "%s", tok);
	free(tok);
}

void weft__kept_free(struct weft__kept *v)
{
	if (!v)
		return;
	free(v->pool);
	free(v->dec);
	free(v->steps);
	free(v);
}
