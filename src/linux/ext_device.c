/* src/linux/ext_device.c - the reports of <linux/device.h>'s reference
 * count, whose operations are inline in the header over weft's kref
 * (src/linux/refcount.c). */
#include "lx.h"
#include <kernel/linux/weft_ext.h>

/* The kernel's device_release() warns, and leaks the structure: the
 * driver model cannot free what it does not know how to
 * (Documentation/core-api/kobject.rst: "the release() method is
 * mandatory"). */
_Noreturn void weft_kx_device_no_release(const struct device *dev,
					 const char *name,
					 const struct weft_loc *loc)
{
	(void)dev;
	weft__fail(WEFT__K(ASSERTION), loc,
		   "WARN in device_release: Device '%s' does not have a "
		   "release() function, it is broken and must be fixed (the "
		   "last put_device found no dev->release, type->release or "
		   "class->dev_release; Documentation/core-api/kobject.rst)",
		   name);
}

_Noreturn void weft_kx_device_misuse(const char *what, const char *name,
				     const struct weft_loc *loc)
{
	weft__fail(WEFT__K(MISUSE), loc, "%s (%s)", what, name);
}
