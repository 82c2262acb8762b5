# No merge-conflict marker is left in the tree: one stood in the README's
# table of JSON fields after a merge (of the nowait branch), found
# by a helper that edited the row beside it.
. tests/cli/common.inc
hits=$(grep -rnE '^(<<<<<<<|>>>>>>>) ' README.md DEVELOPERS.md src include tests tools examples bench Makefile 2>/dev/null | grep -v '^tests/cli/conflict_markers.sh')
[ -z "$hits" ] || fail "conflict markers: $hits"
echo ok
