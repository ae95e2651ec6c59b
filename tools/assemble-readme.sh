#!/usr/bin/env bash
# Writes README.md from its sections in docs/readme/ (edit those, then run this).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
{
  cat docs/readme/00-head.md
  for section in foundation dialects optim grad check curvature lab djl coscheduling store dashboard sweeps; do
    cat "docs/readme/$section.md"
    echo
  done
  cat docs/readme/99-tail.md
} > README.md
