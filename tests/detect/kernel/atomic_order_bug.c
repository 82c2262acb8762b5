// atomic_order_ok.c with the relaxed forms alone: each is a data race.
//! expect(bit_lock): bug data-race
//! expect(set_publish): bug data-race
//! expect(set_after_wmb): bug data-race
//! expect(inc_publish): bug data-race
//! expect(put_last): bug data-race
//! expect(fence_reuse): bug data-race
#define RELAXED
#include "atomic_order_ok.c"
