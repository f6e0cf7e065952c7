#!/usr/bin/env bash
# The posting files to lint, NUL-separated on stdout.
#   changed-postings.sh BASE [PATH...]
# With a BASE commit that git knows, the files below PATH (default .) added, copied, modified or
# renamed since BASE; without one (a first push, a manual run), every file below PATH. Only
# posting suffixes are listed: jdlint itself then skips READMEs, licences and other non-postings.
set -euo pipefail
base="${1:-}"
shift || true
[ "$#" -gt 0 ] || set -- .
suffixes='\.(txt|text|md|markdown|html?|json|jsonld)$'

if [ -n "$base" ] && [ "$base" != 0000000000000000000000000000000000000000 ] &&
  ! git cat-file -e "$base^{commit}" 2>/dev/null; then
  # a shallow checkout: fetch the base commit alone
  git fetch --quiet --depth=1 origin "$base" 2>/dev/null || true
fi
if [ -n "$base" ] && git cat-file -e "$base^{commit}" 2>/dev/null; then
  git -c core.quotepath=off diff --name-only -z --diff-filter=ACMR "$base" HEAD -- "$@"
else
  git -c core.quotepath=off ls-files -z -- "$@"
fi | { grep -zEi "$suffixes" || true; }
