#!/usr/bin/env bash
# Compares two values of one JMH parameter in one run, so that both meet the same machine load:
# builds this checkout, runs the same JMH benchmarks with the first value and with the second,
# alternating for ROUNDS rounds (default 2; even rounds run the second value first), and prints
# each score with the second value as a ratio to the first's, and each round's ratio.
# Extra arguments go to JMH, for example:
#   ROUNDS=3 bash benchmarks/compare-values.sh transport posix unix EndToEndThroughput \
#     -p writer=java -p reader=listener -p size=64,1024
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 3 ]; then
  echo "usage: bash benchmarks/compare-values.sh <parameter> <first value> <second value> [JMH arguments]" >&2
  exit 2
fi
param=$1 first=$2 second=$3
shift 3
rounds=${ROUNDS:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mvn -q -B package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -DskipTests -pl benchmarks -am
java -version 2>&1 | head -1

jmh() {
  local value=$1 out=$2
  shift 2
  echo "== JMH, round $round: $param=$value"
  java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
    org.openjdk.jmh.Main -rf csv -rff "$out" -p "$param=$value" "$@"
}
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then
    jmh "$first" "$work/first-$round.csv" "$@"
    jmh "$second" "$work/second-$round.csv" "$@"
  else
    jmh "$second" "$work/second-$round.csv" "$@"
    jmh "$first" "$work/first-$round.csv" "$@"
  fi
done

# The key of a score: the benchmark and every parameter but the one compared.
echo "== Summary: mean score over $rounds round(s); ratio = $param=$second / $param=$first"
printf "%-72s %14s %14s %7s\n" "benchmark and parameters" "$first" "$second" ratio
awk -F, -v param="Param: $param" '
  { sub(/\r$/, "") }
  FNR == 1 {
    kind = (FILENAME ~ /\/first-[0-9]+\.csv$/) ? "first" : "second"
    skip = 0
    for (i = 1; i <= NF; i++) { gsub(/"/, "", $i); if ($i == param) skip = i }
    next
  }
  {
    for (i = 1; i <= NF; i++) gsub(/"/, "", $i)
    key = $1
    for (i = 8; i <= NF; i++) if (i != skip) key = key " " $i
    sum[kind, key] += $5; count[kind, key]++; unit[key] = $7
  }
  END {
    for (key in unit) {
      if (count["first", key] == 0 || count["second", key] == 0) continue
      a = sum["first", key] / count["first", key]; b = sum["second", key] / count["second", key]
      printf "%-72s %14.1f %14.1f %7.3f %s\n", key, a, b, (a > 0) ? b / a : 0, unit[key]
    }
  }' "$work"/first-*.csv "$work"/second-*.csv | sort
echo "== Each round's ratio"
for round in $(seq 1 "$rounds"); do
  paste -d'|' <(tail -n +2 "$work/first-$round.csv") <(tail -n +2 "$work/second-$round.csv") | awk -F'|' \
    -v round="$round" -v param="Param: $param" -v header="$(head -1 "$work/first-$round.csv" | tr -d '\r')" '
    { sub(/\r$/, "") }
    BEGIN { n = split(header, names, ","); for (i = 1; i <= n; i++) { gsub(/"/, "", names[i]); if (names[i] == param) skip = i } }
    {
      na = split($1, a, ","); split($2, b, ",")
      for (i = 1; i <= na; i++) gsub(/"/, "", a[i])
      key = a[1]
      for (i = 8; i <= na; i++) if (i != skip) key = key " " a[i]
      printf "round %d: %-72s %7.3f\n", round, key, (a[5] > 0) ? b[5] / a[5] : 0
    }'
done
