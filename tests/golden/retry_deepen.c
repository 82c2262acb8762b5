//! needs: pthread
/* Pins the verdict of a search whose fairness bound the default strategy
 * deepened: a worker retries a lock five times with a yield between tries
 * and then blocks on it (detect/sound/retry_yield_ok.c).  The search at
 * --fair-bound=1 was cut by the bound, so it ran again at 2, 4, ... 64,
 * and the verification names the bound of the last complete round. */
#define OK
#include "../detect/sound/retry_yield_bug.c"
