// READ_ONCE and WRITE_ONCE through a null pointer crash, as the kernel's
// do: reported at the program's line.  Once weft made the access itself,
// the fault came in its copy and named memcpy (found by a review).
//! expect(read_once_null): bug crash
//! expect(write_once_null): bug crash
#include <linux/compiler.h>

struct dev {
	int id;
	int state;
};

static struct dev *volatile current_dev;

WEFT_TEST(read_once_null)
{
	WARN_ON(READ_ONCE(current_dev->state) != 0);
}

WEFT_TEST(write_once_null)
{
	WRITE_ONCE(current_dev->state, 1);
}
