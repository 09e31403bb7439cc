#!/usr/bin/env bash
# GPU acceptance check (issue 17). On a CUDA machine: runs the smoke grid and `robustness bench` on CUDA and exits
# non-zero when the device is not CUDA, when a smoke cell failed, or when a command failed.
#
#   scripts/gpu-check.sh [OUT_DIR]        OUT_DIR (default: a new temp folder) must not exist or be empty.
#
# Environment:
#   ROBUSTNESS_CLI    how to run the CLI, e.g. "dotnet /opt/cli/robustness.dll" (default: build src/Cli with
#                     -p:TorchBackend=cuda and run that build)
#   ROBUSTNESS_DATA   dataset root holding fashion-mnist/ (see datasets/README.md)
#   BENCH_ARGS        extra `bench` options (default: "--threads 8"); the PyTorch reference runs on the same GPU
#                     when --python points at an interpreter with CUDA torch, else pass --no-reference
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$(mktemp -d -t robustness-gpu-check-XXXXXX)}
if [ -e "$out" ] && [ -n "$(ls -A "$out" 2>/dev/null)" ]; then
  echo "error: $out is not empty; give a new folder (this script deletes nothing)" >&2
  exit 2
fi
mkdir -p "$out"

if [ -n "${ROBUSTNESS_CLI:-}" ]; then
  read -r -a cli <<< "$ROBUSTNESS_CLI"
else
  echo "== building the CLI with the CUDA backend (-p:TorchBackend=cuda)"
  dotnet build "$root/src/Cli" -c Release -p:TorchBackend=cuda -o "$out/cli" > "$out/build.log" 2>&1 \
    || { echo "error: CUDA build failed; see $out/build.log" >&2; exit 2; }
  cli=(dotnet "$out/cli/robustness.dll")
fi

status=0
fail() { echo "FAIL: $*" >&2; status=1; }

echo "== bench on cuda"
if "${cli[@]}" bench --device cuda ${BENCH_ARGS:---threads 8} 2>&1 | tee "$out/bench.txt"; then
  head -n 5 "$out/bench.txt" | grep -Eq '^device cuda' || fail "bench did not run on a CUDA device (see $out/bench.txt)"
else
  fail "bench exited non-zero (no CUDA device, or a crash; see $out/bench.txt)"
fi

echo "== smoke grid on cuda"
if "${cli[@]}" evaluate --config smoke --device cuda --run gpu-check-smoke --store "$out/results.db" \
     --artefacts "$out/artefacts" --reports "$out/reports" 2>&1 | tee "$out/smoke.txt"; then
  report="$out/reports/gpu-check-smoke/report.md"
  if [ ! -f "$report" ]; then
    fail "no smoke report at $report"
  else
    cells=$(grep -m1 -E '^- Cells: ' "$report" || true)
    echo "$cells"
    echo "$cells" | grep -Eq 'Cells: ([0-9]+) committed of \1 planned; 0 failed\.' \
      || fail "smoke grid incomplete or with failed cells: $cells (errors: $out/reports/gpu-check-smoke/failures.log)"
    devices=$(grep -m1 -oE 'devices: [^;.]*' "$report" || true)
    echo "$devices"
    echo "$devices" | grep -Eq '^devices: cuda(:[0-9]+)?$' || fail "smoke cells did not all run on CUDA ($devices)"
  fi
else
  fail "evaluate exited non-zero (see $out/smoke.txt)"
fi

[ "$status" -eq 0 ] && echo "gpu-check: OK (outputs in $out)" || echo "gpu-check: FAILED (outputs in $out)" >&2
exit "$status"
