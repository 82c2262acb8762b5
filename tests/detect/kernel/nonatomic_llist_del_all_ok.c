//! expect: verified
#define OK
#include "nonatomic_llist_del_all_bug.c"
