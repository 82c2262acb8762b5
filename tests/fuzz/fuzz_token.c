/* libFuzzer target: the replay-token decoder (see harness.h). */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	weft_fuzz_token(data, size);
	return 0;
}
