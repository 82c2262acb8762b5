/* libFuzzer target: the option parser, command line and WEFT_OPTIONS (see
 * harness.h). */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	weft_fuzz_options(data, size);
	return 0;
}
