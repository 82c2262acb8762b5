/* src/pthread/cxx_new.c - C++'s operator new and delete on the tracked
 * heap.
 *
 * The replaceable global operators are defined here, in C, under their
 * Itanium-ABI mangled names.  libweft.so comes before libstdc++ in a
 * program's library list, so these definitions win for every caller: the
 * program's own code and libstdc++'s (std::string, std::thread's state),
 * which keeps each block's new and delete on the same heap.  Inside an
 * execution they allocate from the tracked heap, like malloc, so a use
 * after delete, a double delete and a leak are reported; before main (C++
 * static initialisers) too, so those objects are reset for every execution
 * and checked in it; after main outside executions they use libc's
 * allocator.
 *
 * Simplified: a failed throwing new throws std::bad_alloc without calling
 * a std::new_handler first, and new and delete are not checked against
 * malloc and free (or new[] against delete[]) for mismatches. */
#include <dlfcn.h>
#include <stdlib.h>

#include "pthread/pt.h"

/* size_t in a mangled name: unsigned long (m) or unsigned int (j). */
#if __SIZEOF_SIZE_T__ == __SIZEOF_LONG__
#define SZ "m"
#else
#define SZ "j"
#endif
#define NOTHROW "RKSt9nothrow_t"
#define ALIGN "St11align_val_t"

/* std::bad_alloc, thrown by libstdc++'s helper; a C++ program always has
 * it, and this file must not need libstdc++ to link. */
static _Noreturn void bad_alloc(void)
{
	void (*thrower)(void);

	*(void **)&thrower = dlsym(RTLD_DEFAULT, "_ZSt17__throw_bad_allocv");
	if (thrower)
		thrower();
	abort();
}

static void *get(size_t n, size_t align, const char *what, uintptr_t ra)
{
	void *p = NULL;

	if (weft__pt_heap_tracked())
		return weft__pt_alloc(n, align, what, ra);
	if (align <= 16)
		return malloc(n ? n : 1);
	if (align < sizeof(void *))
		align = sizeof(void *);
	return posix_memalign(&p, align, n ? n : 1) ? NULL : p;
}

static void *get_or_throw(size_t n, size_t align, const char *what,
			  uintptr_t ra)
{
	void *p = get(n, align, what, ra);

	if (!p)
		bad_alloc();
	return p;
}

static void put(void *p, const char *what, uintptr_t ra)
{
	weft__pt_release(p, what, ra);
}

/* Each operator: its C name, its mangled name (the asm label the program
 * links against), its parameters, and the call with the caller's return
 * address (taken in the operator itself, so it is the program's call
 * site). */
#define NEW(name, sym, params, n, align, what, get_fn)                       \
	void *name params __asm__(sym);                                      \
	void *name params                                                    \
	{                                                                    \
		return get_fn(n, align, what, PT_RA());                      \
	}
#define DELETE(name, sym, params, what)                                      \
	void name params __asm__(sym);                                       \
	void name params                                                     \
	{                                                                    \
		put(p, what, PT_RA());                                       \
	}

typedef struct weft__nothrow weft__nothrow; /* std::nothrow_t, by reference */

NEW(weft__new, "_Znw" SZ, (size_t n), n, 16, "new", get_or_throw)
NEW(weft__new_arr, "_Zna" SZ, (size_t n), n, 16, "new[]", get_or_throw)
NEW(weft__new_nt, "_Znw" SZ NOTHROW, (size_t n, const weft__nothrow *t),
    ((void)t, n), 16, "new", get)
NEW(weft__new_arr_nt, "_Zna" SZ NOTHROW,
    (size_t n, const weft__nothrow *t), ((void)t, n), 16, "new[]", get)
NEW(weft__new_al, "_Znw" SZ ALIGN, (size_t n, size_t al), n, al, "new",
    get_or_throw)
NEW(weft__new_arr_al, "_Zna" SZ ALIGN, (size_t n, size_t al), n, al,
    "new[]", get_or_throw)
NEW(weft__new_al_nt, "_Znw" SZ ALIGN NOTHROW,
    (size_t n, size_t al, const weft__nothrow *t), ((void)t, n), al, "new",
    get)
NEW(weft__new_arr_al_nt, "_Zna" SZ ALIGN NOTHROW,
    (size_t n, size_t al, const weft__nothrow *t), ((void)t, n), al,
    "new[]", get)

DELETE(weft__del, "_ZdlPv", (void *p), "delete")
DELETE(weft__del_arr, "_ZdaPv", (void *p), "delete[]")
DELETE(weft__del_sz, "_ZdlPv" SZ, (void *p, size_t n), ((void)n, "delete"))
DELETE(weft__del_arr_sz, "_ZdaPv" SZ, (void *p, size_t n),
       ((void)n, "delete[]"))
DELETE(weft__del_nt, "_ZdlPv" NOTHROW, (void *p, const weft__nothrow *t),
       ((void)t, "delete"))
DELETE(weft__del_arr_nt, "_ZdaPv" NOTHROW,
       (void *p, const weft__nothrow *t), ((void)t, "delete[]"))
DELETE(weft__del_al, "_ZdlPv" ALIGN, (void *p, size_t al),
       ((void)al, "delete"))
DELETE(weft__del_arr_al, "_ZdaPv" ALIGN, (void *p, size_t al),
       ((void)al, "delete[]"))
DELETE(weft__del_sz_al, "_ZdlPv" SZ ALIGN, (void *p, size_t n, size_t al),
       ((void)n, (void)al, "delete"))
DELETE(weft__del_arr_sz_al, "_ZdaPv" SZ ALIGN,
       (void *p, size_t n, size_t al), ((void)n, (void)al, "delete[]"))
DELETE(weft__del_al_nt, "_ZdlPv" ALIGN NOTHROW,
       (void *p, size_t al, const weft__nothrow *t),
       ((void)al, (void)t, "delete"))
DELETE(weft__del_arr_al_nt, "_ZdaPv" ALIGN NOTHROW,
       (void *p, size_t al, const weft__nothrow *t),
       ((void)al, (void)t, "delete[]"))
