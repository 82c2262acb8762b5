//! expect: verified unexplored=none
//! args: --strategy=dfs
#define FENCE
#include "sc_load_early_ok.c"
