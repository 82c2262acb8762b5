// rwsem_non_owner_bug.c with down_read_non_owner/up_read_non_owner: the
// completion thread gives back the submitter's read hold.
//! expect: verified
#define OK
#include "rwsem_non_owner_bug.c"
