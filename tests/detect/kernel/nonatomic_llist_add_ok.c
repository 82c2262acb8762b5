//! expect: verified
#define OK
#include "nonatomic_llist_add_bug.c"
