#!/bin/sh
# Scores the bot on the project's own question sets through the command-line contract:
# dev.json (tuned against) and holdout.json (never tuned against), then fresh-dev.json and
# fresh-holdout.json (written later from the sources alone, to measure generalisation; fresh-holdout
# is never tuned against), each with a breakdown by kind, then the follow-up conversations
# (through ask --conversation), then the question sets on the uncurated documents (test/fixtures/uncurated).
#   sh eval/score.sh            scores and the breakdown
#   sh eval/score.sh -v         also every failure of the sets tuned against, as score.mjs reports it (the failures
#                               of the sets kept aside are never printed: reading them is tuning against them)
# SCORER overrides the path of score.mjs (default ../shared/eval/score.mjs beside the worktree).
set -u
cd "$(dirname "$0")/.." || exit 2
SCORER=${SCORER:-../shared/eval/score.mjs}
if [ ! -f "$SCORER" ]; then
  echo "score.sh: no scorer at $SCORER; set SCORER to the path of score.mjs" >&2
  exit 2
fi
node eval/tools/registerFacts.mjs --check >/dev/null || {
  echo "score.sh: a register expectation no longer matches the CSVs; run node eval/tools/registerFacts.mjs --check" >&2
  exit 1
}
node eval/tools/checkDocs.mjs >/dev/null || {
  echo "score.sh: a document expectation stands in none of its documents; run node eval/tools/checkDocs.mjs" >&2
  exit 1
}
# Whether to print a set's failures: with -v, and never for a set kept aside.
verbose() {
  [ "${1:-}" = "-v" ] || return 1
  case "$2" in *holdout* | held-out*) return 1 ;; esac
}
for set in dev holdout fresh-dev fresh-holdout fresh2-dev fresh2-holdout fresh3-dev fresh3-holdout; do
  out=$(node "$SCORER" "eval/questions/$set.json")
  echo "== $set"
  verbose "${1:-}" "$set" && printf '%s\n' "$out" | grep ' FAIL '
  printf '%s\n' "$out" | node eval/tools/byKind.mjs "eval/questions/$set.json"
done
echo "== followups"
node eval/tools/scoreFollowups.mjs | { if [ "${1:-}" = "-v" ]; then cat; else grep -v ' FAIL '; fi; }
# Documents nobody wrote facts for: imported through add-document into a copy of the seeds, then scored
# (held-out-*.json are never tuned against).
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
npx tsx test/fixtures/uncurated/build.ts "$corpus" >/dev/null || { echo "score.sh: the uncurated corpus did not build" >&2; exit 1; }
for set in questions held-out questions-2 held-out-2 questions-3 held-out-3 questions-4 held-out-4 questions-5 held-out-5; do
  out=$(node "$SCORER" "test/fixtures/uncurated/$set.json" --seeds "$corpus/documents" -- npm run --silent ask -- --json --knowledge "$corpus")
  echo "== uncurated $set"
  verbose "${1:-}" "$set" && printf '%s\n' "$out" | grep ' FAIL '
  printf '%s\n' "$out" | tail -1
done
