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
gcc -O2 -Wall -o benchmarks/target/mq_ceiling benchmarks/src/main/c/mq_ceiling.c -lrt
gcc -O2 -Wall -o benchmarks/target/mq_latency benchmarks/src/main/c/mq_latency.c -lrt

echo "== Machine"
echo "$(nproc) CPUs: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(free -g | awk '/Mem:/ {print $2}') GiB; Linux $(uname -r)"
java -version 2>&1 | head -1

echo "== C ceiling: 1,000,000 messages, writer and reader in two processes, one POSIX queue"
for size in 64 1024; do
  benchmarks/target/mq_ceiling 1000000 "$size"
done
echo "== C latency floor: 300,000 messages of 64 bytes at 10,000 a second"
benchmarks/target/mq_latency 300000 64 10000

echo "== JMH"
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main "$@"
