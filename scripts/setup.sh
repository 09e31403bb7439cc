#!/usr/bin/env bash
# Installs the machine packages the framework and its tests use, then restores NuGet packages. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
# Fashion-MNIST data; PyTorch + OpenBLAS as the bench reference; Chromium for the HTML report test;
# Slurm, munge and PostgreSQL for the scale-out test.
packages=(
  dataset-fashion-mnist
  python3-torch libopenblas0-pthread
  chromium
  slurmctld slurmd slurm-client munge postgresql
)
missing=()
for p in "${packages[@]}"; do
  case "$p" in \#*) continue ;; esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
dotnet restore Robustness.sln
