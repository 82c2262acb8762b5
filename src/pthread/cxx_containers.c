/* src/pthread/cxx_containers.c - the writes and reads libstdc++ makes in
 * code of its own for the program's containers and streams.
 *
 * Most of a container is template code instantiated in the program's
 * objects, which weft-cc instruments; but std::map and std::set (and
 * their multi- forms) link, rebalance and walk their nodes in
 * out-of-line functions of libstdc++.so (_Rb_tree_insert_and_rebalance,
 * _Rb_tree_rebalance_for_erase, _Rb_tree_increment ...), std::list
 * hooks and unhooks its nodes there (_List_node_base::_M_hook ...), and a
 * stream's insertions (operator<< of a string, a character, a number)
 * and unformatted output (write, put, flush, std::endl) run there too,
 * as do std::hash's reading of a string and std::to_chars' writing of a
 * floating number.  weft saw none of those accesses: a reader walking a
 * map while a writer inserted into it under a shared lock, a list
 * iterated while another thread appended to it, and two threads writing
 * one ostringstream, were each verified in one schedule (a probe's C++
 * programs; random schedules found the map's and the list's bug).
 *
 * libweft.so comes before libstdc++.so in a program's library list, so
 * the functions below, with libstdc++'s names, receive the program's
 * calls (as cxx_rt.c's pthread functions receive libstdc++'s): each
 * checks what the real function (found with RTLD_NEXT) will read or
 * write, as a plain access at the program's call, then calls it.  The
 * checks are of the nodes and the tree's header the call touches first
 * (a rebalancing's rotations reach further; a walk that meets them reads
 * the header or those nodes first), and of a stream's first word
 * standing for its state; the standard streams (std::cout and the rest),
 * which the standard lets threads share, are left out.  Not scheduling
 * points, unless a check is at a site known to race; never block. */
#include <dlfcn.h>
#include <stdbool.h>

#include "pthread/pt.h"
#include "detect/race.h"

/* libstdc++'s _Rb_tree_node_base and _List_node_base. */
struct rb_node {
	int color;
	struct rb_node *parent, *left, *right;
};
struct list_node {
	struct list_node *next, *prev;
};

/* libstdc++'s function: the next definition after libweft.so's, or,
 * for a call from a library the program opened with RTLD_LOCAL (whose
 * calls reach libweft.so while libstdc++ is not in the global scope),
 * libstdc++.so's own (a plugin pushing to a list crashed on a null
 * function: a review's probe). */
static void *real_sym(const char *sym)
{
	void *p = dlsym(RTLD_NEXT, sym);

	if (!p) {
		void *h = dlopen("libstdc++.so.6", RTLD_LAZY | RTLD_NOLOAD);

		if (h) {
			p = dlsym(h, sym);
			dlclose(h);
		}
	}
	if (!p)
		weft__die("%s: libstdc++'s function is not loaded", sym);
	return p;
}

#define REAL(sym)                                                             \
	static void *real;                                                    \
	if (!real)                                                            \
		real = real_sym(sym)

static void wr(const void *p, size_t n, uintptr_t ra)
{
	if (p && weft__race_on)
		weft__race_access(p, n, WEFT__RACE_WRITE, ra);
}

static void rd(const void *p, size_t n, uintptr_t ra)
{
	if (p && weft__race_on)
		weft__race_access(p, n, 0, ra);
}

/* ---- std::map, std::set ------------------------------------------------- */

void _ZSt29_Rb_tree_insert_and_rebalancebPSt18_Rb_tree_node_baseS0_RS_(
	bool left, struct rb_node *x, struct rb_node *p, struct rb_node *head)
{
	uintptr_t ra = PT_RA();

	REAL("_ZSt29_Rb_tree_insert_and_rebalancebPSt18_Rb_tree_node_baseS0_RS_");
	wr(head, sizeof *head, ra);
	wr(p, sizeof *p, ra);
	wr(x, sizeof *x, ra);
	((void (*)(bool, struct rb_node *, struct rb_node *,
		   struct rb_node *))real)(left, x, p, head);
}

struct rb_node *_ZSt28_Rb_tree_rebalance_for_erasePSt18_Rb_tree_node_baseRS_(
	struct rb_node *z, struct rb_node *head)
{
	uintptr_t ra = PT_RA();

	REAL("_ZSt28_Rb_tree_rebalance_for_erasePSt18_Rb_tree_node_baseRS_");
	wr(head, sizeof *head, ra);
	wr(z, sizeof *z, ra);
	if (z) {
		wr(z->parent, sizeof *z, ra);
		wr(z->left, sizeof *z, ra);
		wr(z->right, sizeof *z, ra);
	}
	return ((struct rb_node * (*)(struct rb_node *, struct rb_node *))
			real)(z, head);
}

/* An iterator's step reads its node's links. */
#define RB_WALK(sym)                                                          \
	struct rb_node *sym(struct rb_node *x)                                \
	{                                                                     \
		REAL(#sym);                                                   \
		rd(x, sizeof *x, PT_RA());                                    \
		return ((struct rb_node * (*)(struct rb_node *))real)(x);     \
	}
RB_WALK(_ZSt18_Rb_tree_incrementPSt18_Rb_tree_node_base)
RB_WALK(_ZSt18_Rb_tree_incrementPKSt18_Rb_tree_node_base)
RB_WALK(_ZSt18_Rb_tree_decrementPSt18_Rb_tree_node_base)
RB_WALK(_ZSt18_Rb_tree_decrementPKSt18_Rb_tree_node_base)

/* ---- std::list ----------------------------------------------------------- */

/* this->_M_hook(pos): links this before pos. */
void _ZNSt8__detail15_List_node_base7_M_hookEPS0_(struct list_node *self,
						   struct list_node *pos)
{
	uintptr_t ra = PT_RA();

	REAL("_ZNSt8__detail15_List_node_base7_M_hookEPS0_");
	wr(self, sizeof *self, ra);
	wr(pos, sizeof *pos, ra);
	if (pos)
		wr(pos->prev, sizeof *pos, ra);
	((void (*)(struct list_node *, struct list_node *))real)(self, pos);
}

void _ZNSt8__detail15_List_node_base9_M_unhookEv(struct list_node *self)
{
	uintptr_t ra = PT_RA();

	REAL("_ZNSt8__detail15_List_node_base9_M_unhookEv");
	wr(self, sizeof *self, ra);
	if (self) {
		wr(self->next, sizeof *self, ra);
		wr(self->prev, sizeof *self, ra);
	}
	((void (*)(struct list_node *))real)(self);
}

/* this->_M_transfer(first, last): moves [first, last) before this. */
void _ZNSt8__detail15_List_node_base11_M_transferEPS0_S1_(
	struct list_node *self, struct list_node *first, struct list_node *last)
{
	uintptr_t ra = PT_RA();

	REAL("_ZNSt8__detail15_List_node_base11_M_transferEPS0_S1_");
	wr(self, sizeof *self, ra);
	wr(first, sizeof *first, ra);
	wr(last, sizeof *last, ra);
	if (self && first && last) {
		wr(self->prev, sizeof *self, ra);
		wr(first->prev, sizeof *self, ra);
		wr(last->prev, sizeof *self, ra);
	}
	((void (*)(struct list_node *, struct list_node *,
		   struct list_node *))real)(self, first, last);
}

/* this->_M_reverse(): every node of the list this heads. */
void _ZNSt8__detail15_List_node_base10_M_reverseEv(struct list_node *self)
{
	uintptr_t ra = PT_RA();
	struct list_node *n = self;

	REAL("_ZNSt8__detail15_List_node_base10_M_reverseEv");
	do {
		wr(n, sizeof *n, ra);
		n = n ? n->next : NULL;
	} while (n && n != self);
	((void (*)(struct list_node *))real)(self);
}

/* _List_node_base::swap(x, y): two lists' heads and their ends. */
void _ZNSt8__detail15_List_node_base4swapERS0_S1_(struct list_node *x,
						   struct list_node *y)
{
	uintptr_t ra = PT_RA();
	struct list_node *e[4] = { x ? x->next : NULL, x ? x->prev : NULL,
				   y ? y->next : NULL, y ? y->prev : NULL };

	REAL("_ZNSt8__detail15_List_node_base4swapERS0_S1_");
	wr(x, sizeof *x, ra);
	wr(y, sizeof *y, ra);
	for (int i = 0; i < 4; i++)
		wr(e[i], sizeof *x, ra);
	((void (*)(struct list_node *, struct list_node *))real)(x, y);
}

/* ---- streams ------------------------------------------------------------- */

/* The standard streams are left out only while synchronised with stdio
 * (cxx_streams.c): after sync_with_stdio(false) threads sharing one race
 * (a review's probe). */
static void insertion(const void *os, uintptr_t ra)
{
	if (!weft__pt_cxx_shared_stream(os))
		wr(os, sizeof(void *), ra);
}

/* operator<<(ostream&, const char *) and (ostream&, char), and what a
 * std::string's and a string_view's insertion call. */
void *_ZStlsISt11char_traitsIcEERSt13basic_ostreamIcT_ES5_PKc(void *os,
							       const char *s)
{
	REAL("_ZStlsISt11char_traitsIcEERSt13basic_ostreamIcT_ES5_PKc");
	insertion(os, PT_RA());
	return ((void *(*)(void *, const char *))real)(os, s);
}

void *_ZStlsISt11char_traitsIcEERSt13basic_ostreamIcT_ES5_c(void *os, char c)
{
	REAL("_ZStlsISt11char_traitsIcEERSt13basic_ostreamIcT_ES5_c");
	insertion(os, PT_RA());
	return ((void *(*)(void *, char))real)(os, c);
}

void *_ZSt16__ostream_insertIcSt11char_traitsIcEERSt13basic_ostreamIT_T0_ES6_PKS3_l(
	void *os, const char *s, long n)
{
	REAL("_ZSt16__ostream_insertIcSt11char_traitsIcEERSt13basic_ostreamIT_T0_ES6_PKS3_l");
	insertion(os, PT_RA());
	return ((void *(*)(void *, const char *, long))real)(os, s, n);
}

/* ostream::write and ::put, and flush and std::endl (a put and a flush
 * inside libstdc++.so, where no call of the program's reaches them):
 * unformatted output writes the stream as an insertion does, and two
 * threads writing records into one ostringstream with write() were
 * verified (a probe of C++ programs). */
void *_ZNSo5writeEPKcl(void *os, const char *s, long n)
{
	REAL("_ZNSo5writeEPKcl");
	insertion(os, PT_RA());
	return ((void *(*)(void *, const char *, long))real)(os, s, n);
}

void *_ZNSo3putEc(void *os, char c)
{
	REAL("_ZNSo3putEc");
	insertion(os, PT_RA());
	return ((void *(*)(void *, char))real)(os, c);
}

void *_ZNSo5flushEv(void *os)
{
	REAL("_ZNSo5flushEv");
	insertion(os, PT_RA());
	return ((void *(*)(void *))real)(os);
}

void *_ZSt4endlIcSt11char_traitsIcEERSt13basic_ostreamIT_T0_ES6_(void *os)
{
	REAL("_ZSt4endlIcSt11char_traitsIcEERSt13basic_ostreamIT_T0_ES6_");
	insertion(os, PT_RA());
	return ((void *(*)(void *))real)(os);
}

/* The numbers' insertions, members of ostream. */
#define NUM_INSERT(sym, type)                                                 \
	void *sym(void *os, type v)                                           \
	{                                                                     \
		REAL(#sym);                                                   \
		insertion(os, PT_RA());                                       \
		return ((void *(*)(void *, type))real)(os, v);                \
	}
NUM_INSERT(_ZNSolsEi, int)
NUM_INSERT(_ZNSolsEj, unsigned)
NUM_INSERT(_ZNSolsEs, short)
NUM_INSERT(_ZNSolsEd, double)
NUM_INSERT(_ZNSolsEf, float)
NUM_INSERT(_ZNSo9_M_insertIlEERSoT_, long)
NUM_INSERT(_ZNSo9_M_insertImEERSoT_, unsigned long)
NUM_INSERT(_ZNSo9_M_insertIxEERSoT_, long long)
NUM_INSERT(_ZNSo9_M_insertIyEERSoT_, unsigned long long)
NUM_INSERT(_ZNSo9_M_insertIdEERSoT_, double)
NUM_INSERT(_ZNSo9_M_insertIbEERSoT_, bool)
NUM_INSERT(_ZNSo9_M_insertIPKvEERSoT_, const void *)

/* ---- hashing and formatting of the program's memory --------------------- */

/* std::hash<std::string> and its kin read the characters in libstdc++.so
 * (_Hash_bytes, _Fnv_hash_bytes), and std::to_chars of a floating type
 * writes the buffer there: a hash of a string another thread changed in
 * place, and two threads formatting into one buffer, were each verified
 * (a probe of C++ programs). */
size_t _ZSt11_Hash_bytesPKvmm(const void *p, size_t n, size_t seed)
{
	REAL("_ZSt11_Hash_bytesPKvmm");
	rd(n ? p : NULL, n, PT_RA());
	return ((size_t (*)(const void *, size_t, size_t))real)(p, n, seed);
}

size_t _ZSt15_Fnv_hash_bytesPKvmm(const void *p, size_t n, size_t seed)
{
	REAL("_ZSt15_Fnv_hash_bytesPKvmm");
	rd(n ? p : NULL, n, PT_RA());
	return ((size_t (*)(const void *, size_t, size_t))real)(p, n, seed);
}

/* std::to_chars_result: returned in two registers, as this struct is. */
struct chars_result {
	char *ptr;
	int ec;
};

/* What the call wrote: [first, result) when it succeeded, else nothing
 * (the standard leaves the range's contents unspecified then). */
static void wrote(const char *first, struct chars_result r, uintptr_t ra)
{
	if (!r.ec && r.ptr > first)
		wr(first, (size_t)(r.ptr - first), ra);
}

#define TO_CHARS(sym, type)                                                   \
	struct chars_result sym(char *first, char *last, type v)              \
	{                                                                     \
		REAL(#sym);                                                   \
		struct chars_result r = ((struct chars_result(*)(              \
			char *, char *, type))real)(first, last, v);          \
		wrote(first, r, PT_RA());                                     \
		return r;                                                     \
	}
#define TO_CHARS_FMT(sym, type)                                               \
	struct chars_result sym(char *first, char *last, type v, int fmt)     \
	{                                                                     \
		REAL(#sym);                                                   \
		struct chars_result r = ((struct chars_result(*)(              \
			char *, char *, type, int))real)(first, last, v, fmt); \
		wrote(first, r, PT_RA());                                     \
		return r;                                                     \
	}
#define TO_CHARS_PREC(sym, type)                                              \
	struct chars_result sym(char *first, char *last, type v, int fmt,     \
				int prec)                                     \
	{                                                                     \
		REAL(#sym);                                                   \
		struct chars_result r = ((struct chars_result(*)(              \
			char *, char *, type, int, int))real)(first, last, v, \
							      fmt, prec);     \
		wrote(first, r, PT_RA());                                     \
		return r;                                                     \
	}
TO_CHARS(_ZSt8to_charsPcS_d, double)
TO_CHARS(_ZSt8to_charsPcS_f, float)
TO_CHARS_FMT(_ZSt8to_charsPcS_dSt12chars_format, double)
TO_CHARS_FMT(_ZSt8to_charsPcS_fSt12chars_format, float)
TO_CHARS_PREC(_ZSt8to_charsPcS_dSt12chars_formati, double)
TO_CHARS_PREC(_ZSt8to_charsPcS_fSt12chars_formati, float)
