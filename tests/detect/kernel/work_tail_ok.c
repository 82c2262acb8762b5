// work_tail_bug.c with the work's write before complete(): after it the
// work only returns, which the kernel allows to overlap the free (the
// work item is not touched once its function has begun).  Verified;
// this was a false "leak: work req_fn is still running".
//! expect: verified
#define WORK_TAIL_OK
#include "work_tail_bug.c"
