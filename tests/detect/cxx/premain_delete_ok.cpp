//! expect: verified
//! args: --strategy=dfs
/* The correct twin of premain_delete_bug.cpp: the node made before main
 * is deleted after the reader is joined.  Every execution deletes it, and
 * every execution starts with it alive again, as at main's entry, so no
 * delete is a double delete and the value is always the initial one. */
#include <cassert>
#include <pthread.h>
#include <string>

struct Node {
	int value;
	std::string name;
};

static Node *shared = new Node{ 7, "seven" };
int seen; /* not static: the reads must stay */

static void *reader(void *)
{
	seen = shared->value;
	return nullptr;
}

int main()
{
	pthread_t t;

	assert(shared->value == 7 && shared->name == "seven");
	pthread_create(&t, nullptr, reader, nullptr);
	pthread_join(t, nullptr);
	shared->value = 8;
	delete shared;
	assert(seen == 7);
	return 0;
}
