//! expect(wait_event_woken_interruptibly): verified
//! expect(open_coded_woken_interruptibly): verified
#define OK
#include "wake_mode_bug.c"
