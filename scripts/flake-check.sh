#!/usr/bin/env bash
# Runs the README test command N times (default 10) while a CPU load generator keeps every core busy, and reports
# which runs failed and which tests failed in them. Exit code 0 only when all N runs were green.
#   scripts/flake-check.sh [N] [LOAD_PROCESSES]   (LOAD_PROCESSES default: the number of cores)
# Logs and TRX results go to flake-check/<timestamp>/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
load="${2:-$(nproc)}"
case "$runs$load" in *[!0-9]*|"") echo "usage: $0 [N] [LOAD_PROCESSES] (positive integers)" >&2; exit 2 ;; esac
[ "$runs" -ge 1 ] && [ "$load" -ge 0 ] || { echo "usage: $0 [N] [LOAD_PROCESSES] (N >= 1)" >&2; exit 2; }
out="flake-check/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

dotnet build Robustness.sln -c Release > "$out/build.log" 2>&1 || { echo "build failed: $out/build.log" >&2; exit 2; }

# The load: busy loops at normal priority, one per core unless told otherwise; stopped on any exit.
load_pids=()
stop_load() { for pid in "${load_pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop_load EXIT
for _ in $(seq 1 "$load"); do
  ( while :; do :; done ) &
  load_pids+=("$!")
done

failed_runs=0
for run in $(seq 1 "$runs"); do
  log="$out/run-$run.log"
  start=$(date +%s)
  if dotnet test Robustness.sln -c Release --no-build --logger "trx;LogFilePrefix=run-$run" --results-directory "$out/trx" > "$log" 2>&1; then
    echo "run $run/$runs: green ($(( $(date +%s) - start )) s)"
  else
    failed_runs=$((failed_runs + 1))
    echo "run $run/$runs: FAILED ($(( $(date +%s) - start )) s), log $log"
    grep -E '^\s+Failed [A-Za-z_]' "$log" | sed 's/^\s*/    /' | sort -u || true
  fi
done
echo "flake-check: $((runs - failed_runs)) of $runs runs green under $load load processes ($out)"
[ "$failed_runs" -eq 0 ]
