#!/usr/bin/env bash
# Runs the sample as Spring AOT processed it (the build's process-aot execution), on the JVM with
# -Dspring.aot.enabled=true, and checks it end to end: it must start AOT-processed, receive the
# three messages of its writer profile (run in a second JVM without AOT, since AOT fixes the
# profiles at build time), and serve its mailslot's health over HTTP, before and after a pause.
# Maven calls this in the integration-test phase of sample-app.
#
#   run-aot-sample.sh CLASSPATH_FILE OUTPUT_DIR
set -euo pipefail
module=$(cd "$(dirname "$0")/../../.." && pwd)
classpath="$module/target/classes:$(cat "$1")"
out=$2
mkdir -p "$out"
slot="aot-sample-$$"
app_pid=
trap '[ -n "$app_pid" ] && kill "$app_pid" 2> /dev/null; wait 2> /dev/null || true' EXIT

fail() {
  echo "AOT sample: $1" >&2
  tail -n 40 "$out/app.log" >&2
  exit 1
}
await_lines() { # PATTERN COUNT SECONDS
  local count
  for _ in $(seq 1 "$(($3 * 10))"); do
    count=$(grep -c -- "$1" "$out/app.log" 2> /dev/null || true)
    [ "${count:-0}" -ge "$2" ] && return 0
    kill -0 "$app_pid" 2> /dev/null || return 1
    sleep 0.1
  done
  return 1
}
# HTTP/1.0 over bash's /dev/tcp: METHOD PATH [JSON BODY]; prints the response body.
http() {
  local body=${3:-}
  exec 3<> "/dev/tcp/127.0.0.1/$port"
  printf '%s %s HTTP/1.0\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s' \
    "$1" "$2" "${#body}" "$body" >&3
  sed '1,/^\r$/d' <&3
  exec 3<&-
}
write_messages() {
  java -cp "$classpath" dev.mailslot.sample.SampleApplication --spring.profiles.active=writer \
    "--sample.mailslot=$slot" > "$out/writer-$1.log" 2>&1 < /dev/null || fail "the writer failed: $(tail -n 5 "$out/writer-$1.log")"
}

started=$(date +%s)
java -Dspring.aot.enabled=true -cp "$classpath" dev.mailslot.sample.SampleApplication "--sample.mailslot=$slot" \
  --server.port=0 > "$out/app.log" 2>&1 < /dev/null &
app_pid=$!
await_lines "Started SampleApplication" 1 60 || fail "the sample did not start"
grep -q "Starting AOT-processed SampleApplication" "$out/app.log" || fail "the sample did not start AOT-processed"
port=$(grep -o "Tomcat started on port [0-9]*" "$out/app.log" | grep -o "[0-9]*$")

write_messages 1
await_lines "SampleListener .*Received" 3 30 || fail "the sample did not receive the three messages"
health=$(http GET /actuator/health/mailslot)
case $health in
  *'"listenerState":"RUNNING"'*'"status":"UP"'*) ;;
  *) fail "health is not UP with a running listener: $health" ;;
esac

pause=$(http POST /actuator/mailslots/sample '{"action":"pause"}')
for _ in $(seq 1 50); do
  case $(http GET /actuator/health/mailslot) in *'"listenerState":"PAUSED"'*) break ;; esac
  sleep 0.1
done
write_messages 2
health=$(http GET /actuator/health/mailslot)
case $health in
  *'"messageCount":3'*'"listenerState":"PAUSED"'*) ;;
  *) fail "health does not show three messages waiting for the paused listener: $health (pause: $pause)" ;;
esac
http POST /actuator/mailslots/sample '{"action":"resume"}' > /dev/null
await_lines "SampleListener .*Received" 6 30 || fail "the resumed listener did not receive the three messages"

grep "SampleListener" "$out/app.log"
echo "AOT sample: started AOT-processed, received 6 messages, health over HTTP, after $(($(date +%s) - started)) s"
