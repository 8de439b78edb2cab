#!/usr/bin/env bash
# Runs the benchmarks on this machine: first the C ceiling (one writer process, one reader process,
# one POSIX message queue), then the JMH benchmarks. Extra arguments go to JMH, for example a
# benchmark name pattern:  bash benchmarks/run.sh CodecBenchmark
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests -pl benchmarks -am
(cd benchmarks && mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
gcc -O2 -Wall -o benchmarks/target/mq_ceiling benchmarks/src/main/c/mq_ceiling.c -lrt

echo "== C ceiling: 1,000,000 messages, writer and reader in two processes, one POSIX queue"
for size in 64 1024; do
  benchmarks/target/mq_ceiling 1000000 "$size"
done

echo "== JMH"
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main \
  -f 1 -wi 3 -w 2s -i 5 -r 2s "$@"
