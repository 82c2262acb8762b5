// init_work_pending_ok.c with the INIT_WORK while the event thread may
// queue the work.
//! expect(init_work_pending): bug misuse
#define REINIT_PENDING
#include "init_work_pending_ok.c"
