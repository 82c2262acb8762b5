//! expect: verified
//! args: --strategy=dfs
/* delete_bug.cpp with the reader joined before the delete; the array
 * forms are used too, and every block is freed (no leak). */
#include <cassert>
#include <pthread.h>
#include <string>

struct Node {
	int value;
	std::string name;
};

static Node *shared;
int seen; /* not static: the reads must stay */

static void *reader(void *)
{
	int *scratch = new int[4]();
	seen = shared->value + scratch[3];
	delete[] scratch;
	return nullptr;
}

int main()
{
	pthread_t t;

	shared = new Node{ 7, "seven" };
	pthread_create(&t, nullptr, reader, nullptr);
	pthread_join(t, nullptr);
	delete shared;
	assert(seen == 7);
	return 0;
}
