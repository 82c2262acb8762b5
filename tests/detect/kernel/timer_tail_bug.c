// timer_tail_ok with the handler's kref_put left out: the object is
// never released.
//! expect: bug leak
#define FORGET_PUT
#include "timer_tail_ok.c"
