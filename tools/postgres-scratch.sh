#!/usr/bin/env bash
# Starts a throw-away PostgreSQL (Debian's package) on a free loopback port for benchmarks and trials, and prints
# its JDBC URL. Stop it with: tools/postgres-scratch.sh stop DIR
# Usage: tools/postgres-scratch.sh            → prints "DIR URL"
#        tools/postgres-scratch.sh stop DIR
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/env.sh"
anneal_apt_packages postgresql
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
as=(); [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
if [ "${1:-}" = stop ]; then
  "${as[@]}" "$bin/pg_ctl" -D "$2" -m fast -w stop >/dev/null
  rm -rf "$2"
  exit 0
fi
dir="$(mktemp -d /tmp/anneal-pg-XXXXXX)"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"${as[@]}" "$bin/initdb" -D "$dir" -U anneal --auth=trust -E UTF8 --no-instructions >/dev/null
"${as[@]}" "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
echo "$dir jdbc:postgresql://127.0.0.1:$port/postgres?user=anneal"
