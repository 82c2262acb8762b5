//! expect: verified
//! args: strategy=dfs
/* The twin of nondet_names_bug.c: the index is assumed in range. */
#define OK 1
#include "nondet_names_bug.c"
