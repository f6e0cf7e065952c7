#!/usr/bin/env bash
# Lints the postings listed (NUL-separated) in $LIST: SARIF into $SARIF for code scanning, and
# annotations on the workflow run. Sets the step outputs sarif-file and exit-code; exits 0 so
# that the upload step runs, the action's last step fails the job on findings.
#   LIST=... SARIF=jdlint.sarif ARGS='--select JD1' lint.sh
set -uo pipefail
out="${GITHUB_OUTPUT:-/dev/null}"
mapfile -d '' postings < "$LIST"
if [ "${#postings[@]}" -eq 0 ]; then
  echo "jdlint: no postings changed, nothing to lint"
  { echo "sarif-file="; echo "exit-code=0"; } >> "$out"
  exit 0
fi
read -ra args <<< "${ARGS:-}"
# The second run reads the first one's results from jdlint's result cache.
jdlint --format sarif --output "$SARIF" --exit-zero "${args[@]}" -- "${postings[@]}"

jdlint --format github "${args[@]}" -- "${postings[@]}"
code=$?
[ -s "$SARIF" ] || SARIF=""  # jdlint could not write it (exit 2 says why)
{ echo "sarif-file=$SARIF"; echo "exit-code=$code"; } >> "$out"
exit 0
