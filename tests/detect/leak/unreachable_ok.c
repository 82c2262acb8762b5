//! expect(kept_in_global): verified
//! expect(linked_list_from_global): verified
//! args: --strategy=dfs
/* The twin of unreachable_bug.c: blocks still reachable from a global at
 * the end of the test are no leak (LeakSanitizer's default), even through
 * a chain of blocks. */
#include <weft/weft.h>

struct node {
	struct node *next;
	int v;
};

/* Not static: a static global written but never read may be optimised
 * away, and then the block really is unreachable (as LeakSanitizer would
 * say too). */
char *kept;
struct node *head;

static void keeper(void *arg)
{
	(void)arg;
	kept = weft_malloc(32);
	kept[0] = 1;
}

WEFT_TEST(kept_in_global)
{
	weft_join(weft_spawn(keeper, NULL));
}

WEFT_TEST(linked_list_from_global)
{
	for (int i = 0; i < 3; i++) {
		struct node *n = weft_malloc(sizeof *n);
		n->v = i;
		n->next = head;
		head = n;
	}
}
