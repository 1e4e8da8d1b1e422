#!/usr/bin/env bash
# Builds the benchmark and runs it: every side of every workload in its own process, the table, "N/M targets met".
# Usage: bench/run.sh [--workloads S1,S2] [--repeats 2] [--require-targets]
set -euo pipefail
cd "$(dirname "$0")"
dotnet build -c Release --nologo -v q
exec dotnet bin/Release/net10.0/Recurrent.Bench.dll "$@"
