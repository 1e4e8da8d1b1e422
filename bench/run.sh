#!/usr/bin/env bash
# Builds the benchmark and runs it twice, with glibc's default malloc and with the thresholds that keep libtorch's
# large outputs off mmap; each run writes BenchmarkDotNet.Artifacts/results/ratio-table-{default,tuned}.md.
# Usage: bench/run.sh [--smoke] [--workloads S1,S2]
set -euo pipefail
cd "$(dirname "$0")"
dotnet build -c Release --nologo -v q
dll=bin/Release/net10.0/Recurrent.Bench.dll
env -u GLIBC_TUNABLES dotnet "$dll" "$@"
GLIBC_TUNABLES=glibc.malloc.mmap_threshold=4294967296:glibc.malloc.trim_threshold=4294967296 dotnet "$dll" "$@"
