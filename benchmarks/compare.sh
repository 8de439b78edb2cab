#!/usr/bin/env bash
# Compares this checkout with another commit in one run, so that both meet the same machine load:
# builds the commit in a temporary worktree, runs the C ceiling once, then the same JMH
# benchmarks against the commit and against this checkout, alternating for ROUNDS rounds
# (default 1; even rounds run this checkout first), and prints each score of this checkout as a
# ratio to the commit's, and each round's ratio.
# Extra arguments go to JMH, for example a benchmark name pattern:
#   bash benchmarks/compare.sh HEAD~3 EndToEndThroughput
#   ROUNDS=2 bash benchmarks/compare.sh main TransportThroughput -p transport=posix
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
  echo "usage: bash benchmarks/compare.sh <commit> [JMH arguments]" >&2
  exit 2
fi
base=$(git rev-parse --verify "$1^{commit}")
shift
rounds=${ROUNDS:-1}
work=$(mktemp -d)
cleanup() {
  git worktree remove --force "$work/base" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
git worktree add -q --detach "$work/base" "$base"

build() {
  (cd "$1" && mvn -q -B package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
    -DskipTests -pl benchmarks -am)
}
build "$work/base"
build .
bash benchmarks/ceiling.sh
# The base tree's benchmarks find their C peer in their own target directory.
if [ -f "$work/base/benchmarks/src/main/c/mq_peer.c" ]; then
  gcc -O2 -Wall -o "$work/base/benchmarks/target/mq_peer" "$work/base/benchmarks/src/main/c/mq_peer.c" -lrt
fi

jmh() {
  local tree=$1 out=$2
  shift 2
  (cd "$tree" && java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
    org.openjdk.jmh.Main -rf csv -rff "$out" "$@")
}
run_base() {
  echo "== JMH, round $round: base $(git rev-parse --short "$base")"
  jmh "$work/base" "$work/base-$round.csv" "$@"
}
run_head() {
  echo "== JMH, round $round: this checkout ($(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ', with changes'))"
  jmh . "$work/head-$round.csv" "$@"
}
# Even rounds run this checkout first, so that a machine growing busier or quieter during a
# round does not always favour the same side.
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then
    run_base "$@"
    run_head "$@"
  else
    run_head "$@"
    run_base "$@"
  fi
done

echo "== Summary: mean score over $rounds round(s); ratio = this checkout / base"
printf "%-72s %14s %14s %7s\n" "benchmark and parameters" base this ratio
# A parameter only one side has (one added since the base, at its default) is left out of the key,
# so that the two sides still meet.
awk -F, '
  FNR == 1 {
    kind = (FILENAME ~ /\/base-[0-9]+\.csv$/) ? "base" : "head"
    for (i = 1; i <= NF; i++) { gsub(/"/, "", $i); name[i] = $i; if (kind == "base") inBase[$i] = 1 }
    next
  }
  {
    for (i = 1; i <= NF; i++) gsub(/"/, "", $i)
    key = $1
    for (i = 8; i <= NF; i++) if (name[i] in inBase) key = key " " $i
    sum[kind, key] += $5; count[kind, key]++; unit[key] = $7
  }
  END {
    for (key in unit) {
      if (count["base", key] == 0 || count["head", key] == 0) continue
      b = sum["base", key] / count["base", key]; h = sum["head", key] / count["head", key]
      printf "%-72s %14.1f %14.1f %7.3f %s\n", key, b, h, (b > 0) ? h / b : 0, unit[key]
    }
  }' "$work"/base-*.csv "$work"/head-*.csv | sort
echo "== Each round's ratio"
for round in $(seq 1 "$rounds"); do
  paste -d'|' <(tail -n +2 "$work/base-$round.csv") <(tail -n +2 "$work/head-$round.csv") | awk -F'|' -v round="$round" '
    {
      nb = split($1, b, ","); split($2, h, ",")
      for (i = 1; i <= nb; i++) gsub(/"/, "", b[i])
      key = b[1]
      for (i = 8; i <= nb; i++) key = key " " b[i]
      printf "round %d: %-72s %7.3f\n", round, key, (b[5] > 0) ? h[5] / b[5] : 0
    }'
done
