#!/usr/bin/env bash
# MirrorSense for installing, written into DIR (default artifacts/):
#   MirrorSense.VERSION.nupkg and MirrorSense.linux-x64.VERSION.nupkg: the .NET tool, installed with
#     dotnet tool install --global --add-source DIR MirrorSense       (command: mirrorsense)
#   mirrorsense-VERSION-linux-x64.tar.gz, -osx-arm64.tar.gz, -win-x64.zip: self-contained builds, no .NET needed.
# Each carries the ONNX models (models/) and the demo session (demo/): nothing is downloaded at run time.
# The Windows and macOS archives are built here but have never run, and carry no OpenCV runtime (no package of one
# is available for them here), so video and pose fail there with a message; see README.md, "Windows and macOS".
# --tool-only writes the tool packages alone (what the end-to-end test installs).
set -euo pipefail

usage() {
  echo "usage: tools/pack.sh [--tool-only] [DIR]   (DIR defaults to artifacts/)" >&2
  exit 2
}

tool_only=false
folders=()
for argument in "$@"; do
  case "$argument" in
    --tool-only) tool_only=true ;;
    -h | --help) usage ;;
    -*) echo "tools/pack.sh: unknown option '$argument'" >&2; usage ;;
    *) folders+=("$argument") ;;
  esac
done
((${#folders[@]} <= 1)) || usage

repo="$(cd "$(dirname "$0")/.." && pwd)"
out="${folders[0]:-$repo/artifacts}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
cd "$repo"

# Intermediate files apart from the bin/ and obj/ folders of ordinary builds and test runs.
build="$repo/.build/pack"
project=src/MirrorSense.Cli/MirrorSense.Cli.csproj
version="$(dotnet msbuild "$project" -getProperty:Version -nologo)"

dotnet pack "$project" -c Release -o "$out" --artifacts-path "$build" -nologo -v:quiet
echo "tool: $out/MirrorSense.$version.nupkg, $out/MirrorSense.linux-x64.$version.nupkg"
"$tool_only" && exit 0

for rid in linux-x64 win-x64 osx-arm64; do
  name="mirrorsense-$version-$rid"
  stage="$build/stage/$name"
  rm -rf "$stage"
  dotnet publish "$project" -c Release -r "$rid" -o "$stage" --artifacts-path "$build" -nologo -v:quiet
  rm -f "$stage"/*.pdb
  if [[ "$rid" == win-* ]]; then
    archive="$out/$name.zip"
    rm -f "$archive"
    (cd "$build/stage" && zip -qr -9 "$archive" "$name")
  else
    archive="$out/$name.tar.gz"
    tar -C "$build/stage" -czf "$archive" "$name"
  fi
  echo "archive: $archive ($(du -m "$archive" | cut -f1) MB)"
done
