/* src/pthread/random.c - the C library's pseudo-random state, as at start-up
 * in every execution.
 *
 * rand, random (which share one state) and the drand48 family keep their
 * state inside libc, whose data weft does not restore between executions
 * (only the program's is).  Left alone, every execution would draw other
 * numbers: a program that branches on rand() would not replay, and the
 * explorer would take it for nondeterministic.  So each execution starts
 * from the state a fresh process has: glibc's own state table (the
 * program may have switched to its own with initstate/setstate) seeded
 * with 1, and the drand48 state zero.  A program that seeds from the
 * clock, srand(time(NULL)), seeds from virtual time, the same in every
 * execution.  rand_r, random_r and erand48 keep their state in the
 * program's memory, which is restored like the rest of it.  The kernel's
 * random bytes (getrandom, getentropy) are drawn from a generator of
 * weft's, started from the same seed in every execution: a program that
 * picks its thread count from them replays (it was reported as
 * nondeterministic), and runs with those bytes only, which its verdict
 * notes ("for the nondet values noted only"). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "detect/race.h"
#include "pthread/pt.h"
#include "modelled.h"
#include "report/report.h"

static char *libc_table; /* glibc's own state, for setstate */
static bool used = true;  /* the state may have moved since the reset */

/* The generator behind getrandom in an execution (splitmix64). */
static uint64_t bytes_state;

static void fill(void *buf, size_t n)
{
	unsigned char *p = buf;

	/* A verification holds for these bytes only, and says so. */
	weft__verdict_inputs_sampled();
	for (size_t i = 0; i < n; i += 8) {
		uint64_t z = (bytes_state += 0x9e3779b97f4a7c15ULL);
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
		z ^= z >> 31;
		memcpy(p + i, &z, n - i < 8 ? n - i : 8);
	}
}

/* Never blocks; not a scheduling point. */
ssize_t __weft_getrandom(void *buf, size_t n, unsigned flags)
{
	if (!weft__pt_live())
		return getrandom(buf, n, flags);
	fill(buf, n);
	return (ssize_t)n;
}

int __weft_getentropy(void *buf, size_t n)
{
	if (!weft__pt_live())
		return getentropy(buf, n);
	if (n > 256) {
		errno = EIO;
		return -1;
	}
	fill(buf, n);
	return 0;
}

/* The process's id differs from run to run: a program that branches on
 * it was verified in one run and found in the next (a probe).  It is an
 * input, as the random bytes are: a verification holds for this run's
 * value only, and says so.  The id stays the real one (kill(getpid()),
 * files named after it).  Never blocks; not a scheduling point. */
pid_t __weft_getpid(void)
{
	if (weft__pt_live()) {
		weft__verdict_inputs_sampled();
		weft__verdict_note(0x4745545049444e54ull,
				   "getpid() is an input: the process id, "
				   "which differs from run to run; a "
				   "verification holds for this run's id only");
	}
	return getpid();
}

void weft__pthread_random_begin(void)
{
	unsigned short zero[3] = { 0, 0, 0 };

	bytes_state = 0x5eed;
	/* Resetting costs hundreds of cycles (srandom discards 310 draws):
	 * only after an execution that drew numbers (weft-cc renames the
	 * calls to the wrappers below, which note it). */
	if (!used)
		return;
	used = false;
	setstate(libc_table);
	srandom(1); /* the documented initial state of random() and rand() */
	seed48(zero);
}

__attribute__((constructor)) static void random_init(void)
{
	static char probe[128];

	/* initstate returns the state in use, which setstate takes back
	 * (with its position, so the program's first numbers are kept). */
	libc_table = initstate(1, probe, sizeof probe);
	setstate(libc_table);
}

/* rand and random share one state behind a lock of glibc's (MT-Safe):
 * two threads' draws do not race, but which number each thread gets
 * depends on the order of their calls.  Each call in an execution is a
 * step that writes the state, an object of this file, so the explorer
 * tries the orders as it tries a lock's (the draws were no steps, and a
 * program whose threads branch on rand() % 2 was verified in the one
 * order it ran: a probe's false verified). */
static char random_state;

__attribute__((constructor)) static void name_random_state(void)
{
	weft__name_model_object(&random_state, sizeof random_state,
				"random's state");
}

static void random_step(const char *name, const struct weft_loc *loc)
{
	used = true;
	if (weft__pt_live())
		weft__point(name, &random_state, "random's state",
			    WEFT__ACC_WRITE, loc);
}

/* The program's calls, renamed by weft-cc: the real functions, after the
 * step. */
int __weft_rand(void)
{
	random_step("rand", PT_LOC());
	return rand();
}

/* A seed the program gives (weft__verdict_seeded), in an execution. */
static void seeded(const char *call, unsigned long seed,
		   const struct weft_loc *loc)
{
	if (weft__pt_live())
		weft__verdict_seeded(0x5eed5eedULL, "seeded its random numbers",
				     weft__internf("%s(%lu)", call, seed), loc);
}

/* The first three of the 16-bit words seed48 and lcong48 take, as one
 * number for the note. */
static unsigned long words3(const unsigned short w[3])
{
	return (unsigned long)w[0] | (unsigned long)w[1] << 16 |
	       (unsigned long)w[2] << 32;
}

void __weft_srand(unsigned seed)
{
	random_step("srand", PT_LOC());
	seeded("srand", seed, PT_LOC());
	srand(seed);
}

long __weft_random(void)
{
	random_step("random", PT_LOC());
	return random();
}

void __weft_srandom(unsigned seed)
{
	random_step("srandom", PT_LOC());
	seeded("srandom", seed, PT_LOC());
	srandom(seed);
}

char *__weft_initstate(unsigned seed, char *state, size_t n)
{
	random_step("initstate", PT_LOC());
	seeded("initstate", seed, PT_LOC());
	return initstate(seed, state, n);
}

char *__weft_setstate(char *state)
{
	random_step("setstate", PT_LOC());
	return setstate(state);
}

/* The drand48 family's one hidden state has no lock in glibc (MT-Unsafe
 * race:drand48, unlike rand and random): each call writes it, an object
 * of this file for the race detector, so two threads drawing without
 * ordering race on it ("data race on drand48's state").  The _r and
 * erand48 forms keep their state in the program's memory, checked in
 * src/tsan/libc_state.c. */
static char drand48_state[sizeof(unsigned short) * 7];

__attribute__((constructor)) static void name_drand48_state(void)
{
	weft__name_model_object(drand48_state, sizeof drand48_state,
				"drand48's state");
}

static void drand48_used(uintptr_t pc)
{
	used = true;
	if (weft__race_on)
		weft__race_access(drand48_state, sizeof drand48_state,
				  WEFT__RACE_WRITE, pc);
}

double __weft_drand48(void)
{
	drand48_used(PT_RA());
	return drand48();
}

long __weft_lrand48(void)
{
	drand48_used(PT_RA());
	return lrand48();
}

long __weft_mrand48(void)
{
	drand48_used(PT_RA());
	return mrand48();
}

void __weft_srand48(long seed)
{
	drand48_used(PT_RA());
	seeded("srand48", (unsigned long)seed, PT_LOC());
	srand48(seed);
}

/* The reentrant forms keep their state in the program's memory, which
 * is restored like the rest of it; their seeds are noted all the same.
 * Seeding writes that state: two threads seeding one, or one seeding
 * while another draws (src/tsan/libc_reent.c), race on it. */
static void state_written(const void *p, size_t n, uintptr_t ra)
{
	if (p && n)
		weft__race_access(p, n, WEFT__RACE_WRITE, ra);
}

int __weft_srand48_r(long seed, struct drand48_data *buf)
{
	seeded("srand48_r", (unsigned long)seed, PT_LOC());
	state_written(buf, sizeof *buf, PT_RA());
	return srand48_r(seed, buf);
}

int __weft_seed48_r(unsigned short seed[3], struct drand48_data *buf)
{
	if (seed)
		seeded("seed48_r", words3(seed), PT_LOC());
	if (weft__race_on && seed)
		weft__race_access(seed, 3 * sizeof *seed, 0, PT_RA());
	state_written(buf, sizeof *buf, PT_RA());
	return seed48_r(seed, buf);
}

int __weft_srandom_r(unsigned seed, struct random_data *buf)
{
	seeded("srandom_r", seed, PT_LOC());
	state_written(buf, sizeof *buf, PT_RA());
	if (buf && buf->state)
		state_written(buf->state,
			      (size_t)(buf->end_ptr > buf->state
					       ? buf->end_ptr - buf->state
					       : 1) * sizeof *buf->state,
			      PT_RA());
	return srandom_r(seed, buf);
}

int __weft_initstate_r(unsigned seed, char *state, size_t n,
		       struct random_data *buf)
{
	seeded("initstate_r", seed, PT_LOC());
	state_written(state, n, PT_RA());
	state_written(buf, sizeof *buf, PT_RA());
	return initstate_r(seed, state, n, buf);
}

unsigned short *__weft_seed48(unsigned short seed[3])
{
	drand48_used(PT_RA());
	if (seed)
		seeded("seed48", words3(seed), PT_LOC());
	return seed48(seed);
}

void __weft_lcong48(unsigned short param[7])
{
	drand48_used(PT_RA());
	if (param)
		seeded("lcong48", words3(param), PT_LOC());
	lcong48(param);
}
