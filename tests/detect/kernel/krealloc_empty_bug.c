//! expect: bug out-of-bounds
/* A growable array that starts empty, kcalloc(0, ...), grown with
 * krealloc one item at a time.  This one stores each item before it grows
 * the array, one past its end.  The correct twin (krealloc_empty_ok.c)
 * was a false out-of-bounds once heap bounds became byte-precise: the
 * krealloc model read one byte of the old block to check it was not
 * freed, and the empty block has none (the kernel's krealloc accepts
 * ZERO_SIZE_PTR). */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/bug.h>

WEFT_TEST(krealloc_from_empty)
{
	int count = 0;
	int *arr = kcalloc(count, sizeof(int), GFP_KERNEL);

	for (int i = 0; i < 3; i++) {
		int *n;
#ifndef KREALLOC_EMPTY_OK
		arr[count] = i;
#endif
		n = krealloc(arr, (count + 1) * sizeof(int), GFP_KERNEL);
		if (!n)
			break;
		arr = n;
		arr[count++] = i;
	}
	WARN_ON(arr[2] != 2);
	kfree(arr);
}
