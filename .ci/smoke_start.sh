#!/usr/bin/env bash
# `npm start` on a scratch SQLite file and port: waits for /health, fetches the
# home page, then stops the server.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p tmp/ci
# Its own process group, so the whole tree (npm, start script, server) can be stopped.
PORT=3399 SQLITE_FILE=tmp/ci/smoke.sqlite3 setsid npm start > tmp/ci/smoke.log 2>&1 &
pid=$!
ok=1
for _ in $(seq 1 240); do
  if curl -sf "http://localhost:3399/health" >/dev/null; then ok=0; break; fi
  sleep 1
done
if [ $ok -eq 0 ]; then
  curl -sf "http://localhost:3399/" | grep -q 'data-server-rendered' || ok=1
fi
kill -TERM -- -$pid 2>/dev/null
for _ in $(seq 1 10); do kill -0 -- -$pid 2>/dev/null || break; sleep 1; done
kill -KILL -- -$pid 2>/dev/null; wait $pid 2>/dev/null
[ $ok -eq 0 ] && echo "npm start served the portal" || { echo "npm start failed:"; tail -40 tmp/ci/smoke.log; }
exit $ok
