#!/usr/bin/env bash
# The production install, end to end, in a fresh copy of this checkout: `npm ci`, `npm run build`,
# `npm prune --omit=dev`; then, with no dev dependency left (no tsx, no esbuild), `npm start` refuses to run
# without dist/ and says what to do, and with it serves; the compiled CLI checks Zoom against a standalone
# Zoom sandbox (`npm run zoom-sandbox`) and takes a backup while the server runs.
# Uses DATABASE_URL when set (a fresh database), else the embedded PostgreSQL under the copy's var/ (the
# CLI then shares the running server's cluster: that needs recoverStale to leave a live postmaster alone).
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/convene-prod-XXXXXX)" # outside /root: the postgres OS user must traverse it
chmod 755 "$work"
server_pid=""
sandbox_pid=""
cleanup() {
  local rc=$?
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null && wait "$sandbox_pid" 2>/dev/null
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
say() { printf '\n-- %s\n' "$1"; }
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
wait_for() { # url, seconds
  for _ in $(seq 1 "$(($2 * 5))"); do
    curl -s -o /dev/null "$1" 2>/dev/null && return 0 # any answer: the port is served
    sleep 0.2
  done
  echo "no answer from $1 after $2 s" >&2
  return 1
}

say "fresh copy of $src in $work"
(cd "$src" && git ls-files -z | tar --null -T - -cf -) | tar -C "$work" -xf -
cd "$work"
npm ci --no-audit --no-fund --loglevel=error
npm run build
npm prune --omit=dev --no-audit --no-fund --loglevel=error
for dev in tsx esbuild vite vitest; do
  if [ -e "node_modules/$dev" ]; then echo "dev dependency $dev is still installed" >&2; exit 1; fi
done

say "npm start without dist/ says what to do"
mv dist dist.away
if out=$(npm start --silent 2>&1); then echo "npm start ran without a build" >&2; exit 1; fi
echo "$out"
grep -q 'npm run build' <<<"$out"
mv dist.away dist

say "a standalone Zoom sandbox stands in for Zoom"
zport=$(free_port)
# What `npm run zoom-sandbox` runs, without npm in between (npm does not pass SIGTERM on to its script).
node scripts/cli.mjs zoom-sandbox --port "$zport" &
sandbox_pid=$!
wait_for "http://127.0.0.1:$zport/v2/users/me" 30
export ZOOM_ACCOUNT_ID=sandbox-account ZOOM_CLIENT_ID=sandbox-client-id ZOOM_CLIENT_SECRET=sandbox-client-secret
export ZOOM_OAUTH_TOKEN_URL="http://127.0.0.1:$zport/oauth/token" ZOOM_API_BASE_URL="http://127.0.0.1:$zport/v2"

say "npm start (production install)"
port=$(free_port)
export PORT="$port" DATA_DIR="$work/var" BASE_URL="http://127.0.0.1:$port"
# What `npm start` runs, without npm in between, so that SIGTERM reaches the server and its exit code is seen.
node scripts/start.mjs > "$work/server.log" 2>&1 &
server_pid=$!
wait_for "http://127.0.0.1:$port/healthz" 60 || { cat "$work/server.log"; exit 1; }

say "npm run zoom -- check"
npm run --silent zoom -- check

say "npm run backup while the server runs"
npm run --silent backup -- "$work/convene.backup.gz"
test -s "$work/convene.backup.gz"

say "stop"
kill -TERM "$server_pid"
wait "$server_pid" || { echo "the server exited with $?" >&2; cat "$work/server.log"; exit 1; }
server_pid=""
cat "$work/server.log"
if grep -q '"level":50\|ERROR' "$work/server.log"; then echo "the server logged an error" >&2; exit 1; fi
echo "production install: ok"
