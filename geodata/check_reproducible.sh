#!/usr/bin/env bash
# Rebuild the base data into a temp dir and compare with the committed files.
# Exit 0 when byte-identical, 1 (with a message) otherwise.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$here/build.sh" "$tmp" >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log" >&2; echo "check_reproducible: build.sh failed" >&2; exit 1; }
"$here/build_borders.sh" "$tmp" >>"$tmp/build.log" 2>&1 || { cat "$tmp/build.log" >&2; echo "check_reproducible: build_borders.sh failed" >&2; exit 1; }
status=0
for f in bordermap.gpkg borders.gpkg; do
  a=$(sha256sum <"$here/$f" | cut -d' ' -f1)
  b=$(sha256sum <"$tmp/$f" | cut -d' ' -f1)
  if [[ $a == "$b" ]]; then
    echo "check_reproducible: $f identical ($a)"
  else
    echo "check_reproducible: $f DIFFERS: committed $a, rebuilt $b" >&2
    status=1
  fi
done
exit $status
