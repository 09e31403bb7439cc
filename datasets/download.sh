#!/usr/bin/env bash
# Downloads the official CIFAR-10 and Fashion-MNIST archives, checks their MD5s and unpacks them
# (default: ~/.cache/robustness/datasets). Usage: datasets/download.sh [cifar10|fashion-mnist] [--to DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run -c Release --project src/Cli -- datasets fetch "$@"
