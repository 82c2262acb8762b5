//! expect: bug deadlock
/* timedlock_order_ok with B taken by pthread_mutex_lock: t1 holding A
 * and t2 holding B wait for each other for ever. */
#define UNTIMED
#include "timedlock_order_ok.c"
