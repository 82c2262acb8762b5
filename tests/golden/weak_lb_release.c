//! needs: pthread
/* tests/golden/weak_lb_acquire.c with release stores: each peer's
 * acquire load and release store form a happens-before cycle with the
 * other's, which C11 forbids, so the verification needs no "without load
 * buffering" qualification; the relaxed stores of weak_lb_acquire.c
 * need it. */
#define STORE_ORDER memory_order_release
#include "weak_lb_acquire.c"
