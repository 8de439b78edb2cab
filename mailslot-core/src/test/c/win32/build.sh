#!/usr/bin/env bash
# Builds the Windows test programs: the writer and reader that behave as Microsoft's published
# samples, each as a UNICODE build (Visual Studio's default: UTF-16LE text) and an ANSI build (the
# code page), and the error probe. Used by the Wine runs (with mingw) and the Windows workflow.
#
#   build.sh CC OUTPUT_DIR     CC: x86_64-w64-mingw32-gcc on Linux, gcc on Windows
set -euo pipefail
cc=$1
out=$2
sources=$(cd "$(dirname "$0")" && pwd)
# -D__USE_MINGW_ANSI_STDIO=0: mingw's own printf reads %s as narrow text; msvcrt's wprintf does not.
unicode=(-municode -DUNICODE -D_UNICODE -D__USE_MINGW_ANSI_STDIO=0)
# Warnings fail the build with the Linux CI's mingw (Debian's); on Windows the compiler comes with the
# runner image, whose next gcc may warn where this one does not, and a warning must not fail that run.
case "$(uname -s)" in
  MINGW* | MSYS* | CYGWIN*) warnings=(-Wall) ;;
  *) warnings=(-Wall -Werror) ;;
esac
mkdir -p "$out"
for program in mailslot_writer mailslot_reader; do
  "$cc" "${warnings[@]}" "${unicode[@]}" -o "$out/${program}_unicode.exe" "$sources/$program.c"
  "$cc" "${warnings[@]}" -o "$out/${program}_ansi.exe" "$sources/$program.c"
done
"$cc" "${warnings[@]}" "${unicode[@]}" -o "$out/mailslot_error_probe.exe" "$sources/mailslot_error_probe.c"
