// timer_shutdown_ok.c with del_timer_sync and del_timer for the
// shutdowns: the rx thread's mod_timer after the delete arms the timer
// again, so it fires on the freed object, or is still pending after the
// rx thread was joined; the periodic timer's callback re-arms it after
// the delete, and it goes on firing.
//! expect(shutdown_sync_rearm): bug use-after-free
//! expect(shutdown_rearm): bug assertion
//! expect(shutdown_periodic): bug assertion
#define TIMER_NO_SHUTDOWN
#include "timer_shutdown_ok.c"
