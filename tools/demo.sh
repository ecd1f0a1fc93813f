#!/usr/bin/env bash
# The main job on bundled demo data, no camera needed: synchrony of four demo dyads with a
# dyad-shuffle chance baseline. Results land in demo-output/ (or the folder given as $1).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-prerequisites.sh
out="${1:-demo-output}"

dotnet publish src/MirrorSense.Cli -c Release -o .build/mirrorsense -nologo -v:quiet
mirrorsense=.build/mirrorsense/mirrorsense

"$mirrorsense" sync samples/demo/*.txt --fps 25 --lag 5 --win 60 --inc 30 --pseudo dyads --seed 1 --out "$out"
echo
column -s, -t < "$out/summary.csv"
