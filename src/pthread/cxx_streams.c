/* src/pthread/cxx_streams.c - std::ios_base::sync_with_stdio(false) in
 * every execution.
 *
 * Often the first line of a program's main, sync_with_stdio(false) gives
 * the eight standard streams buffers of their own: libstdc++ destroys the
 * stdio_sync_filebuf objects they used, builds stdio_filebuf objects in
 * their place with buffers allocated by new, points each stream at its
 * new buffer and notes in a static of its own that the switch is done.
 * Two kinds of state are involved, and weft restores only one of them
 * between executions:
 *
 * - The stream objects std::cout, std::cin ... are defined in libstdc++
 *   but a program that uses them gets copies in its own data (copy
 *   relocations), which weft restores before every execution: each
 *   execution starts with streams pointing at the synchronised buffers.
 * - libstdc++'s buffers and its note that the switch is done are its own
 *   statics, which carry over.
 *
 * So in the second execution the call did nothing (done already), and the
 * streams pointed at the destroyed synchronised buffers: nothing the
 * program printed came out, and the new buffers, tracked like the
 * execution's other blocks, were reported as a leak at the end of the
 * first execution and freed under libstdc++ with its heap.  Here the
 * first switch allocates from libc's heap (the buffers live as long as
 * libstdc++'s statics do), and a later execution's call puts each stream
 * back the way the first switch left it: the stream's bytes after that
 * switch, when its bytes before the call are what they were before that
 * switch (no output happened before it, which the standard requires for
 * the call to have an effect).  Every execution then sees what a fresh
 * run of the program would: the call returns true and the streams write
 * through their own buffers.  What is left in those buffers when the
 * program exits is flushed then, as ios_base::Init's destructor does in a
 * real exit (here it flushes in one execution only: its count of users is
 * libstdc++'s too), so each execution's output is complete and its own. */
#include <dlfcn.h>
#include <link.h>
#include <stdlib.h>
#include <string.h>

#include "pthread/pt.h"

#define SYNC_SYM "_ZNSt8ios_base15sync_with_stdioEb"

/* The standard streams, by their mangled names: cin, cout, cerr, clog and
 * the wide four. */
static const char *const names[] = {
	"_ZSt3cin", "_ZSt4cout", "_ZSt4cerr", "_ZSt4clog",
	"_ZSt4wcin", "_ZSt5wcout", "_ZSt5wcerr", "_ZSt5wclog",
};
#define NSTREAMS (sizeof names / sizeof names[0])

struct stream {
	unsigned char *obj;           /* the program's copy of the object */
	size_t size;
	unsigned char *before, *after; /* its bytes around the first switch */
};
static struct stream streams[NSTREAMS];
static bool switched;                  /* the first switch was made */
static long switched_gen = -1;         /* the execution that last did it */

/* The program's copy of each stream and its size, from the symbol table
 * (RTLD_DEFAULT finds the executable's copy first). */
static void find_streams(void)
{
	for (size_t i = 0; i < NSTREAMS; i++) {
		const ElfW(Sym) *sym = NULL;
		Dl_info di;
		void *p = dlsym(RTLD_DEFAULT, names[i]);

		streams[i].obj = p;
		if (p && dladdr1(p, &di, (void **)&sym, RTLD_DL_SYMENT) && sym)
			streams[i].size = sym->st_size;
		if (!streams[i].size)
			streams[i].obj = NULL;
	}
}

static unsigned char *copy_of(const struct stream *s)
{
	unsigned char *c = malloc(s->size);

	if (!c)
		weft__die("out of memory saving a C++ standard stream");
	memcpy(c, s->obj, s->size);
	return c;
}

/* The first switch, made for real and recorded. */
static bool first_switch(bool (*real)(bool))
{
	bool was;

	find_streams();
	for (size_t i = 0; i < NSTREAMS; i++)
		if (streams[i].obj)
			streams[i].before = copy_of(&streams[i]);
	weft__pt_heap_pause(true);
	was = real(false);
	weft__pt_heap_pause(false);
	for (size_t i = 0; i < NSTREAMS; i++)
		if (streams[i].obj)
			streams[i].after = copy_of(&streams[i]);
	switched = true;
	return was;
}

/* A later execution's switch: the streams as the first one left them. */
static void switch_again(void)
{
	for (size_t i = 0; i < NSTREAMS; i++) {
		struct stream *s = &streams[i];
		if (s->obj && !memcmp(s->obj, s->before, s->size))
			memcpy(s->obj, s->after, s->size);
	}
}

bool weft__pt_cxx_shared_stream(const void *os)
{
	static const void *addr[NSTREAMS];
	static bool found;

	/* This execution called sync_with_stdio(false). */
	if (switched_gen == weft__exec_gen())
		return false;
	/* The program's copies (RTLD_DEFAULT finds the executable's
	 * first), found once, whatever their size. */
	if (!found) {
		for (size_t i = 0; i < NSTREAMS; i++)
			addr[i] = dlsym(RTLD_DEFAULT, names[i]);
		found = true;
	}
	for (size_t i = 0; i < NSTREAMS; i++)
		if (addr[i] == os)
			return true;
	return false;
}

bool weft__sync_with_stdio(bool sync) __asm__(SYNC_SYM);
bool weft__sync_with_stdio(bool sync)
{
	static bool (*real)(bool);

	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, SYNC_SYM);
	if (!real)
		weft__die("sync_with_stdio called without libstdc++");
	if (!weft__pt_live() || switched_gen == weft__exec_gen())
		return real(sync);
	/* The first call of an execution: the streams are synchronised, as
	 * at main's entry. */
	if (sync)
		return true;
	switched_gen = weft__exec_gen();
	if (!switched)
		return first_switch(real);
	switch_again();
	return true;
}

void weft__pt_cxx_streams_flush(void)
{
	static void (*flush)(void *), (*wflush)(void *);

	if (!switched)
		return;
	if (!flush) {
		*(void **)&flush = dlsym(RTLD_DEFAULT, "_ZNSo5flushEv");
		*(void **)&wflush = dlsym(
			RTLD_DEFAULT,
			"_ZNSt13basic_ostreamIwSt11char_traitsIwEE5flushEv");
	}
	/* The output streams: cout, cerr, clog, then the wide ones. */
	for (size_t i = 0; i < NSTREAMS; i++) {
		void (*f)(void *) = i < NSTREAMS / 2 ? flush : wflush;
		if (i % 4 != 0 && streams[i].obj && f)
			f(streams[i].obj);
	}
}
