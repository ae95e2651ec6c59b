#!/usr/bin/env bash
# Training throughput of `anneal train fashion-mnist` (DJL, PyTorch 2.7.1 engine, Anneal's scheduled Adam) against
# plain PyTorch (Debian's python3-torch, tools/bench/torch_train.py): same network, data, batch size, Adam
# hyperparameters and threads, run alternately in one session; the best of ROUNDS runs of each is reported.
#
#   tools/bench/train_vs_torch.sh [THREADS] [EPOCHS] [LIMIT] [ROUNDS] [MODELS…]     defaults: 1 1 60000 2 mlp cnn lstm
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$root/bin/env.sh"
anneal_apt_packages python3-torch python3-numpy
threads="${1:-1}" epochs="${2:-1}" limit="${3:-60000}" rounds="${4:-2}"
shift $(( $# < 4 ? $# : 4 ))
models=("${@:-mlp}")
[ $# -eq 0 ] && models=(mlp cnn lstm)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

rate() { sed -n 's/.*(\([0-9.]*\) images\/s).*/\1/p' "$1"; }
opt_ms() { sed -n 's/^per mini-batch: .*, \([0-9.]*\) ms optimizer.*/\1/p' "$1"; }
best() { sort -g | tail -1; }

echo "threads $threads, $epochs epoch(s) of $limit images, batch 128, Adam lr 0.001, best of $rounds; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| model | anneal train (images/s) | PyTorch (images/s) | ratio | Anneal optimizer (ms/batch) | torch.optim.Adam (ms/batch) |"
echo "|---|---:|---:|---:|---:|---:|"
for model in "${models[@]}"; do
  for round in $(seq "$rounds"); do
    "$root/anneal" train fashion-mnist --model "$model" --epochs "$epochs" --limit "$limit" --test-limit 1000 --batch 128 \
      --threads "$threads" --optimizer adam --schedule 'constant(0.001)' --trace "$tmp/trace.csv" --figure "$tmp/train.png" \
      >"$tmp/anneal.$round" 2>/dev/null
    /usr/bin/python3 "$root/tools/bench/torch_train.py" --model "$model" --epochs "$epochs" --limit "$limit" --batch 128 \
      --threads "$threads" >"$tmp/torch.$round"
  done
  a="$(for r in $(seq "$rounds"); do rate "$tmp/anneal.$r"; done | best)"
  t="$(for r in $(seq "$rounds"); do rate "$tmp/torch.$r"; done | best)"
  ao="$(for r in $(seq "$rounds"); do opt_ms "$tmp/anneal.$r"; done | sort -g | head -1)"
  to="$(for r in $(seq "$rounds"); do opt_ms "$tmp/torch.$r"; done | sort -g | head -1)"
  awk -v m="$model" -v a="$a" -v t="$t" -v ao="$ao" -v to="$to" 'BEGIN { printf "| %s | %.0f | %.0f | %.2f | %.3f | %.3f |\n", m, a, t, a / t, ao, to }'
done
