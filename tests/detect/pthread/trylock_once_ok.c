//! expect: verified
//! args: --strategy=dfs --fair-bound=0
#define FIXED
#include "trylock_once_bug.c"
