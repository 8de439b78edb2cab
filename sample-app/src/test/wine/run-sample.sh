#!/usr/bin/env bash
# Runs the sample on the win32 transport: a Windows Java runtime under Wine, with programs that
# behave as Microsoft's published C samples do, built with mingw as UNICODE builds (Visual Studio's
# default), on the other end of \\.\mailslot\sample_mailslot. First the sample reads what "Writing
# to a Mailslot" writes (UTF-16LE text with its terminator) and must log the three texts without a
# NUL; then its writer profile writes to "Reading from a Mailslot", which must print them. Maven
# calls this in the integration-test phase of sample-app.
#
#   run-sample.sh CLASSPATH_FILE OUTPUT_DIR
#
# The runtime is a cut-down one (java.base, java.logging, java.xml, java.desktop, java.prefs,
# java.datatransfer): without java.management and java.naming it cannot run Tomcat or the JVM
# and system meters, so the sample runs without a web server and with those two
# auto-configurations excluded; the mailslot configuration is the sample's own, unchanged.
# Skipped without Wine, mingw and the runtime, unless MAILSLOT_WINE_REQUIRED=1 (as in CI).
set -euo pipefail
module=$(cd "$(dirname "$0")/../../.." && pwd)
top=$(dirname "$module")
classpath_file=$1
out=$2
what="sample under Wine"
# shellcheck source=../../../../mailslot-core/src/test/wine/wine-java.sh
. "$top/mailslot-core/src/test/wine/wine-java.sh"
write_classpath_args "$classpath_file" "$module/target/classes"
trap 'wineserver -k > /dev/null 2>&1 < /dev/null || true' EXIT

slot='\\.\mailslot\sample_mailslot'
excluded=org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration,org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration
sample() {
  wine "$jre/bin/java.exe" "@$(windows_path "$out/classpath.args")" dev.mailslot.sample.SampleApplication \
    --spring.main.web-application-type=none "--spring.autoconfigure.exclude=$excluded" "$@"
}
await_lines() { # FILE PATTERN COUNT SECONDS
  for _ in $(seq 1 "$4"); do
    [ "$(grep -c -- "$2" "$1" 2>/dev/null || true)" -ge "$3" ] && return 0
    sleep 1
  done
  return 1
}
fail() {
  echo "sample under Wine: $1" >&2
  tail -n 40 "$2" >&2
  exit 1
}
started=$(date +%s)

# 1. The sample reads: Microsoft's writing sample writes its three messages.
sample > "$out/reader-app.log" 2>&1 < /dev/null &
await_lines "$out/reader-app.log" "Started SampleApplication" 1 120 || fail "the sample did not start" "$out/reader-app.log"
wine "$out/programs/mailslot_writer_unicode.exe" "$slot" > "$out/writer.log" 2>&1 < /dev/null \
  || fail "Microsoft's writing sample failed" "$out/writer.log"
await_lines "$out/reader-app.log" "SampleListener .*Received" 3 30 \
  || fail "the sample did not receive the three messages" "$out/reader-app.log"
grep "SampleListener" "$out/reader-app.log"
for text in "Received 52 bytes on \\\\.\\mailslot\\sample_mailslot: Message one for mailslot." \
    "Received 52 bytes on \\\\.\\mailslot\\sample_mailslot: Message two for mailslot." \
    "Received 56 bytes on \\\\.\\mailslot\\sample_mailslot: Message three for mailslot."; do
  grep -q -F -x -e "$text" <(grep -o 'Received .*' "$out/reader-app.log" | tr -d '\r') \
    || fail "the sample did not log '$text' (text in UTF-16LE, its NUL dropped)" "$out/reader-app.log"
done
wineserver -k > /dev/null 2>&1 < /dev/null || true
wait || true

# 2. The sample writes: Microsoft's reading sample creates the mailslot and reads three messages.
wine wineboot --init > /dev/null 2>&1 < /dev/null
wine "$out/programs/mailslot_reader_unicode.exe" "$slot" 3 > "$out/reader.log" 2>&1 < /dev/null &
await_lines "$out/reader.log" "^ready" 1 30 || fail "Microsoft's reading sample did not start" "$out/reader.log"
sample --spring.profiles.active=writer > "$out/writer-app.log" 2>&1 < /dev/null \
  || fail "the sample's writer failed" "$out/writer-app.log"
await_lines "$out/reader.log" "^Contents of the mailslot: " 3 30 \
  || fail "the reading sample did not get three messages" "$out/reader.log"
cat "$out/reader.log"
for text in one two three; do
  grep -q -F -x -e "Contents of the mailslot: Message $text for mailslot." <(tr -d '\r' < "$out/reader.log") \
    || fail "the reading sample did not print 'Message $text for mailslot.'" "$out/reader.log"
done
wait || true
echo "sample under Wine: both directions passed after $(( $(date +%s) - started )) s"
