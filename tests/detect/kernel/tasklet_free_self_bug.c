// tasklet_free_self_ok.c with the tasklet freeing its own object.
//! expect(tasklet_free): bug use-after-free
#define FREE_SELF
#include "tasklet_free_self_ok.c"
