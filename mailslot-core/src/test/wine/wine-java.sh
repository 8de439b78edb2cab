# Sourced by the scripts that run Java under Wine (this module's run-tests.sh and the sample's
# run-sample.sh): checks for the parts, builds the Windows test programs with mingw
# (src/test/c/win32/build.sh), writes the class path as a java @argfile, and starts a Wine prefix of
# the run's own.
#
# Before sourcing, set: top (the top of the tree), out (the run's output directory) and what
# (how the run names itself in messages). After it, $jre is the Windows runtime, the test programs
# are in $out/programs, and windows_path and write_classpath_args are defined.

jre="$top/.wine/jre"

# The runtime is looked for in .wine/jre, where .ci/install-wine-jre puts it. Without it, Wine or
# mingw the run is skipped, unless MAILSLOT_WINE_REQUIRED=1 (as in CI).
if [ ! -f "$jre/bin/java.exe" ] || ! command -v wine >/dev/null || ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
  message="$what: skipped, it needs wine, x86_64-w64-mingw32-gcc and a Windows JRE in $jre (.ci/install-wine-jre installs all three)"
  if [ "${MAILSLOT_WINE_REQUIRED:-0}" = 1 ]; then
    echo "$message; MAILSLOT_WINE_REQUIRED=1 makes this a failure" >&2
    exit 1
  fi
  echo "$message"
  exit 0
fi

rm -rf "$out"
mkdir -p "$out"
bash "$top/mailslot-core/src/test/c/win32/build.sh" x86_64-w64-mingw32-gcc "$out/programs"

windows_path() { printf 'Z:%s' "$1" | tr '/' '\\'; }

# write_classpath_args CLASSPATH_FILE ENTRY...: the entries, then the class path file's. The class
# path is longer than a Windows command line may be: pass it in a java @argfile, with forward
# slashes, which Java on Windows accepts and an argfile takes without escapes.
write_classpath_args() {
  local file=$1
  shift
  local classpath
  classpath=$( { printf '%s\n' "$@"; tr ':' '\n' < "$file"; } \
    | while read -r entry || [ -n "$entry" ]; do printf 'Z:%s;' "$entry"; done)
  printf -- '-cp\n%s\n' "$classpath" > "$out/classpath.args"
}

export WINEPREFIX="$out/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
unset DISPLAY
# Wine's services inherit stdout and stderr: keep them off any pipe Maven waits on.
wine wineboot --init > "$out/wineboot.log" 2>&1 < /dev/null
