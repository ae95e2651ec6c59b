#!/usr/bin/env bash
# Screenshots of each dashboard page for the README, from a store of real runs:
#   tools/dashboard-screenshots.sh STORE OUT_DIR
# (STORE: e.g. one filled by `anneal train` and `anneal lab`). Uses Debian's chromium headless.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/env.sh"
anneal_apt_packages chromium curl
store="$1"; out="$2"; port="${PORT:-7391}"
mkdir -p "$out"
"$root/anneal" serve --store "$store" --port "$port" > /dev/null &
server=$!
trap 'kill "$server"' EXIT
for _ in $(seq 60); do curl -sf "http://localhost:$port/api/runs" > /dev/null && break; sleep 1; done
api() { curl -sf "http://localhost:$port/api/$1"; }
train=$(api 'runs?kind=train&sort=started&order=asc' | python3 -c 'import json,sys; print(",".join(r["id"] for r in json.load(sys.stdin)["runs"]))')
study=$(api lab | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["studies"][0]["id"])')
shot() {
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,"$3" \
    --virtual-time-budget=8000 --screenshot="$out/$1.png" "http://localhost:$port/#/$2" 2> /dev/null
}
shot runs runs 520
shot run "run/${train%%,*}" 1300
shot compare "compare?runs=$train&series=loss&smooth=20&log=1" 640
shot playground "playground?spec=warmup(5%25,%20cosine(0.1,%20steps=95%25))&total=1000" 1150
shot lab "lab/$study" 900
