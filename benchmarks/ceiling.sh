#!/usr/bin/env bash
# Prints the machine and measures the C ceiling: one writer process and one reader process on one
# POSIX message queue, 1,000,000 messages of 64 bytes and of 1 KiB. Run by run.sh and compare.sh
# from the top of the tree, after the build. Also builds mq_peer, the C writer and reader that the
# JMH benchmarks pair with Java readers and writers.
set -euo pipefail
gcc -O2 -Wall -o benchmarks/target/mq_ceiling benchmarks/src/main/c/mq_ceiling.c -lrt
if [ -f benchmarks/src/main/c/mq_peer.c ]; then
  gcc -O2 -Wall -o benchmarks/target/mq_peer benchmarks/src/main/c/mq_peer.c -lrt
fi

echo "== Machine"
echo "$(nproc) CPUs: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(free -g | awk '/Mem:/ {print $2}') GiB; Linux $(uname -r)"
java -version 2>&1 | head -1

echo "== C ceiling: 1,000,000 messages, writer and reader in two processes, one POSIX queue"
for size in 64 1024; do
  benchmarks/target/mq_ceiling 1000000 "$size"
done
