// list_lockless_peek_bug.c with the kernel's helpers: list_empty,
// hlist_empty and list_first_entry_or_null peeks, and
// list_del_init_careful for a list_empty_careful waiter.
//! expect(list_empty_peek): verified
//! expect(hlist_empty_peek): verified
//! expect(first_or_null_peek): verified
//! expect(careful_wait): verified
#define OK
#include "list_lockless_peek_bug.c"
