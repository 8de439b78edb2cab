#!/usr/bin/env bash
# Runs the benchmarks on this machine, side by side: first the C programs that set the ceiling
# (one writer process and one reader process on one POSIX message queue: throughput, then latency
# at 10,000 messages a second), then the JMH benchmarks with the settings their annotations give.
# Extra arguments go to JMH, for example a benchmark name pattern:
#   bash benchmarks/run.sh EndToEnd
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests -pl benchmarks -am
(cd benchmarks && mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
gcc -O2 -Wall -o benchmarks/target/mq_latency benchmarks/src/main/c/mq_latency.c -lrt

bash benchmarks/ceiling.sh
echo "== C latency floor: 300,000 messages of 64 bytes at 10,000 a second"
benchmarks/target/mq_latency 300000 64 10000

echo "== JMH"
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main "$@"
