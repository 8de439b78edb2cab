#!/usr/bin/env bash
# Runs the win32 transport's tests on a Windows Java runtime under Wine, with the JUnit Platform
# console launcher (Surefire cannot fork into that runtime). Maven calls this in the
# integration-test phase of mailslot-spring-boot-autoconfigure.
#
#   run-tests.sh CLASSPATH_FILE OUTPUT_DIR
#
# The runtime is looked for in .wine/jre at the top of the tree, where .ci/install-wine-jre puts
# it. Without it the run is skipped, unless MAILSLOT_WINE_REQUIRED=1 (as in CI).
set -euo pipefail
module=$(cd "$(dirname "$0")/../../.." && pwd)
classpath_file=$1
out=$2
jre="$(dirname "$module")/.wine/jre"

if [ ! -f "$jre/bin/java.exe" ] || ! command -v wine >/dev/null || ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
  message="win32 tests under Wine: skipped, they need wine, x86_64-w64-mingw32-gcc and a Windows JRE in $jre (.ci/install-wine-jre installs all three)"
  if [ "${MAILSLOT_WINE_REQUIRED:-0}" = 1 ]; then
    echo "$message; MAILSLOT_WINE_REQUIRED=1 makes this a failure" >&2
    exit 1
  fi
  echo "$message"
  exit 0
fi

rm -rf "$out"
mkdir -p "$out/programs" "$out/reports"
for program in mailslot_writer mailslot_reader; do
  x86_64-w64-mingw32-gcc -Wall -Werror -o "$out/programs/$program.exe" "$module/src/test/c/win32/$program.c"
done

windows_path() { printf 'Z:%s' "$1" | tr '/' '\\'; }
# The class path is longer than a Windows command line may be: pass it in a java @argfile, with
# forward slashes, which Java on Windows accepts and an argfile takes without escapes.
classpath=$( { echo "$module/target/test-classes"; echo "$module/target/classes"; tr ':' '\n' < "$classpath_file"; } \
  | while read -r entry || [ -n "$entry" ]; do printf 'Z:%s;' "$entry"; done)
printf -- '-cp\n%s\n' "$classpath" > "$out/classpath.args"

export WINEPREFIX="$out/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
unset DISPLAY
# Wine's services inherit stdout and stderr: keep them off any pipe Maven waits on.
wine wineboot --init > "$out/wineboot.log" 2>&1 < /dev/null

status=0
started=$(date +%s)
wine "$jre/bin/java.exe" "-Dmailslot.win32.programs=$(windows_path "$out/programs")" "@$(windows_path "$out/classpath.args")" \
  org.junit.platform.console.ConsoleLauncher execute --select-package dev.mailslot.transport.win32 \
  --reports-dir "$(windows_path "$out/reports")" --details tree --disable-banner \
  > "$out/console.log" 2>&1 < /dev/null || status=$?
wineserver -k > /dev/null 2>&1 < /dev/null || true
cat "$out/console.log"
echo "win32 tests under Wine: exit $status after $(( $(date +%s) - started )) s"
exit $status
