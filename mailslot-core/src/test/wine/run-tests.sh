#!/usr/bin/env bash
# Runs the win32 transport's tests on a Windows Java runtime under Wine, with the JUnit Platform
# console launcher (Surefire cannot fork into that runtime). Maven calls this in the
# integration-test phase of mailslot-core.
#
#   run-tests.sh CLASSPATH_FILE OUTPUT_DIR
#
# The runtime is looked for in .wine/jre at the top of the tree, where .ci/install-wine-jre puts
# it. Without it the run is skipped, unless MAILSLOT_WINE_REQUIRED=1 (as in CI).
set -euo pipefail
module=$(cd "$(dirname "$0")/../../.." && pwd)
top=$(dirname "$module")
classpath_file=$1
out=$2
what="win32 tests under Wine"
# shellcheck source=wine-java.sh
. "$module/src/test/wine/wine-java.sh"
mkdir -p "$out/reports"
write_classpath_args "$classpath_file" "$module/target/test-classes" "$module/target/classes"

# What Wine does where Windows documents no code; the Windows workflow prints the same from Windows.
# The contract tests expect exactly what it measured (mailslot.win32.probe), so it must finish.
# Its domain write goes nowhere here: in a network namespace of its own where one can be made.
echo "mailslot_error_probe under Wine:"
probe_status=0
if [ "$(id -u)" = 0 ] && command -v unshare > /dev/null; then
  unshare --net -- wine "$out/programs/mailslot_error_probe.exe" > "$out/probe.txt" 2> "$out/probe.err" < /dev/null \
    || probe_status=$?
else
  wine "$out/programs/mailslot_error_probe.exe" --no-network > "$out/probe.txt" 2> "$out/probe.err" < /dev/null \
    || probe_status=$?
fi
cat "$out/probe.txt" "$out/probe.err"
if [ "$probe_status" != 0 ]; then
  echo "mailslot_error_probe under Wine: exit $probe_status; the tests need its measurements" >&2
  wineserver -k > /dev/null 2>&1 < /dev/null || true
  exit 1
fi

status=0
started=$(date +%s)
wine "$jre/bin/java.exe" "-Dmailslot.win32.programs=$(windows_path "$out/programs")" \
  "-Dmailslot.win32.probe=$(windows_path "$out/probe.txt")" "@$(windows_path "$out/classpath.args")" \
  org.junit.platform.console.ConsoleLauncher execute --select-package dev.mailslot.transport.win32 \
  --reports-dir "$(windows_path "$out/reports")" --details tree --disable-banner \
  > "$out/console.log" 2>&1 < /dev/null || status=$?
wineserver -k > /dev/null 2>&1 < /dev/null || true
cat "$out/console.log"
echo "win32 tests under Wine: exit $status after $(( $(date +%s) - started )) s"
# A skipped interop test or probe-driven check would pass unseen: make sure they ran.
python3 "$module/src/test/python/check_tests_ran.py" "$out/reports" Win32InteropTests \
  Win32MailslotTransportTests#anOversizedWriteEndsAsThePlatformDoes \
  Win32MailslotTransportTests#aWriteAfterTheServerClosedEndsAsThePlatformDoes || status=1
exit $status
