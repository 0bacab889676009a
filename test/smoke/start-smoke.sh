#!/usr/bin/env bash
# Start-up smoke test of the BUILT app on the embedded PostgreSQL (run `npm run build` first):
#   1. starts `node dist/api/apps/api/src/main.js` with DATABASE_URL unset, PORT on a free port and
#      DATA_DIR in a fresh temp folder (so the embedded server runs initdb from scratch);
#   2. waits up to SMOKE_TIMEOUT (60) s for GET /api/health to answer 200, then checks GET / serves the web app;
#   3. sends SIGINT and expects the process to exit with code 0 within SMOKE_STOP_TIMEOUT (30) s;
#   4. checks that no PostgreSQL process of that run (child of the app or using DATA_DIR) is left.
# Prints one PASS/FAIL line; exits non-zero on failure.
# Env: SMOKE_PORT (default 3999, or a free port if taken), SMOKE_TIMEOUT, SMOKE_STOP_TIMEOUT,
#      SMOKE_KEEP=1 keeps the temp folder and log for inspection.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT" || exit 1
MAIN="dist/api/apps/api/src/main.js"
START_TIMEOUT="${SMOKE_TIMEOUT:-60}"
STOP_TIMEOUT="${SMOKE_STOP_TIMEOUT:-30}"

WORK=""
LOG=""
APP_PID=""
PG_PIDS=""

log() { printf '[start-smoke] %s\n' "$*"; }

cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill -KILL "$APP_PID" 2>/dev/null; fi
  for pid in $PG_PIDS $(postgres_pids_for_data_dir); do
    # only live postgres processes recorded as this run's (or naming our temp DATA_DIR)
    if is_live "$pid" && [ "$(ps -o comm= -p "$pid" 2>/dev/null)" = "postgres" ]; then kill -QUIT "$pid" 2>/dev/null; fi
  done
  if [ -n "$WORK" ]; then
    if [ "${SMOKE_KEEP:-0}" = "1" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  fi
}
trap cleanup EXIT

fail() {
  printf 'FAIL: start-smoke: %s\n' "$*"
  if [ -n "$LOG" ] && [ -s "$LOG" ]; then
    echo "----- last lines of the app log ($LOG) -----"
    tail -n 40 "$LOG"
    echo "--------------------------------------------"
  fi
  exit 1
}

# pids of live (non-zombie) processes whose command line names our DATA_DIR
postgres_pids_for_data_dir() {
  [ -n "$WORK" ] || return 0
  local pid
  for pid in $(pgrep -f -- "$WORK/" 2>/dev/null); do
    [ "$pid" = "$$" ] && continue
    is_live "$pid" && echo "$pid"
  done
}

is_live() {
  local state
  state="$(ps -o stat= -p "$1" 2>/dev/null | tr -d ' ')"
  [ -n "$state" ] && [ "${state#Z}" = "$state" ]
}

# HTTP status code of a GET (000 when nothing answers)
http_status() {
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true
  else
    node -e "fetch(process.argv[1], { signal: AbortSignal.timeout(5000) }).then((r) => console.log(r.status), () => console.log('000'))" "$1"
  fi
}

port_is_free() {
  node -e "const s = require('net').createServer(); s.once('error', () => process.exit(1)); s.listen(Number(process.argv[1]), '0.0.0.0', () => s.close(() => process.exit(0)))" "$1"
}

free_port() {
  node -e "const s = require('net').createServer(); s.listen(0, '0.0.0.0', () => { console.log(s.address().port); s.close(); })"
}

# ---- preconditions -------------------------------------------------------------------------------
command -v node >/dev/null 2>&1 || fail "node is not on PATH"
[ -f "$MAIN" ] || fail "$MAIN is missing: build the app first (npm run build)"
[ -f dist/web/index.html ] || fail "dist/web/index.html is missing: build the app first (npm run build)"

PORT_TO_USE="${SMOKE_PORT:-3999}"
if ! port_is_free "$PORT_TO_USE"; then
  PORT_TO_USE="$(free_port)"
  log "port ${SMOKE_PORT:-3999} is taken; using $PORT_TO_USE"
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/dastarkhan-smoke.XXXXXX")" || fail "could not create a temp folder"
chmod 755 "$WORK" # as root the embedded server runs as an unprivileged user, which must reach DATA_DIR
DATA_DIR="$WORK/data"
LOG="$WORK/app.log"
BASE="http://127.0.0.1:$PORT_TO_USE"

# ---- start ---------------------------------------------------------------------------------------
log "starting $MAIN on port $PORT_TO_USE with DATA_DIR=$DATA_DIR (embedded PostgreSQL)"
started=$(date +%s)
env -u DATABASE_URL -u TEST_DATABASE_URL \
  PORT="$PORT_TO_USE" \
  DATA_DIR="$DATA_DIR" \
  JWT_SECRET="${JWT_SECRET:-start-smoke-secret-start-smoke-secret-0123}" \
  node "$MAIN" >"$LOG" 2>&1 &
APP_PID=$!

status=000
deadline=$((started + START_TIMEOUT))
while :; do
  if ! kill -0 "$APP_PID" 2>/dev/null; then
    wait "$APP_PID"
    fail "the app exited with code $? before /api/health answered"
  fi
  # the embedded postmaster(s) are children of the app: remember them for the final check
  for pid in $(pgrep -P "$APP_PID" -x postgres 2>/dev/null); do
    case " $PG_PIDS " in *" $pid "*) ;; *) PG_PIDS="$PG_PIDS $pid" ;; esac
  done
  status="$(http_status "$BASE/api/health")"
  [ "$status" = "200" ] && break
  [ "$(date +%s)" -ge "$deadline" ] && fail "GET /api/health did not return 200 within ${START_TIMEOUT}s (last status $status)"
  sleep 0.5
done
healthy_after=$(( $(date +%s) - started ))
log "GET /api/health -> 200 after ${healthy_after}s"
for pid in $(pgrep -P "$APP_PID" -x postgres 2>/dev/null); do
  case " $PG_PIDS " in *" $pid "*) ;; *) PG_PIDS="$PG_PIDS $pid" ;; esac
done
[ -n "$PG_PIDS" ] || log "note: no postgres child of the app was seen (DATABASE_URL ignored? external server?)"

web_status="$(http_status "$BASE/")"
[ "$web_status" = "200" ] || fail "GET / returned $web_status: the built web app (dist/web) is not served"

# ---- stop ----------------------------------------------------------------------------------------
log "sending SIGINT to the app (pid $APP_PID)"
stop_started=$(date +%s)
kill -INT "$APP_PID"
while kill -0 "$APP_PID" 2>/dev/null; do
  if [ $(( $(date +%s) - stop_started )) -ge "$STOP_TIMEOUT" ]; then
    fail "the app did not exit within ${STOP_TIMEOUT}s after SIGINT"
  fi
  sleep 0.2
done
wait "$APP_PID"
code=$?
APP_PID=""
stopped_after=$(( $(date +%s) - stop_started ))
[ "$code" -eq 0 ] || fail "the app exited with code $code after SIGINT (expected 0; 130 means it died of the signal instead of shutting down)"

# ---- nothing left behind -------------------------------------------------------------------------
leftover=""
for pid in $PG_PIDS $(postgres_pids_for_data_dir); do
  is_live "$pid" && leftover="$leftover $pid"
done
if [ -n "$leftover" ]; then
  ps -o pid,ppid,stat,args -p "$(echo $leftover | tr ' ' ',')" 2>/dev/null
  fail "PostgreSQL process(es)$leftover of this run are still running after the app exited"
fi
if [ -n "$(find "$DATA_DIR" -name postmaster.pid 2>/dev/null)" ]; then
  fail "a postmaster.pid is left under $DATA_DIR: the embedded server was not shut down cleanly"
fi

printf 'PASS: start-smoke: /api/health 200 after %ss on port %s, clean exit (code 0) %ss after SIGINT, no PostgreSQL left running\n' \
  "$healthy_after" "$PORT_TO_USE" "$stopped_after"
