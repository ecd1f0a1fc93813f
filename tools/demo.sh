#!/usr/bin/env bash
# The main job on the bundled demo session, no camera and no download needed: `mirrorsense analyze` on a
# constructed dyad video with two voices (samples/demo-session). Results land in demo-output/ (or $1).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-prerequisites.sh
out="${1:-demo-output}"

dotnet publish src/MirrorSense.Cli -c Release -o .build/mirrorsense -nologo -v:quiet
mirrorsense=.build/mirrorsense/mirrorsense

"$mirrorsense" analyze --video samples/demo-session/session.mp4 --seed 1 --out "$out"
echo
echo "Tables: $out/synchrony.csv, $out/episodes.csv, $out/features.csv; ELAN: $out/session.eaf; summary: $out/summary.json"
