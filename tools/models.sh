#!/usr/bin/env bash
# Regenerates models/*.onnx from the npm packages @mediapipe/pose and @mediapipe/face_mesh and checks
# every sha256 against models/MODELS.md (sources and outputs). Usage: tools/models.sh [OUT_DIR]   (default: models/)
# The tarballs are cached in $MIRRORSENSE_NPM_CACHE (default ~/.cache/mirrorsense/npm); they are never committed.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-"$root/models"}
manifest="$root/models/MODELS.md"
specs=("@mediapipe/pose@0.5.1675469404" "@mediapipe/face_mesh@0.4.1657299874")
cache=${MIRRORSENSE_NPM_CACHE:-"$HOME/.cache/mirrorsense/npm"}

mkdir -p "$cache" "$out"
packages=()
for spec in "${specs[@]}"; do
  # npm's tarball name: "@scope/name@1.2.3" -> "scope-name-1.2.3.tgz".
  name=${spec%@*}
  tarball="$cache/$(echo "${name#@}" | tr / -)-${spec##*@}.tgz"
  if [[ ! -f "$tarball" ]]; then
    npm pack "$spec" --silent --pack-destination "$cache" >/dev/null
  fi
  packages+=(--package "$tarball")
done

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet run --project "$root/tools/MirrorSense.ModelConverter" -c Release -- "${packages[@]}" --out "$out" | tee "$log"

# MODELS.md lists "<sha256>  <file>" lines (sha256sum format) inside its checksum block.
status=0
while read -r sha file; do
  if [[ "$file" == *.onnx ]]; then
    actual=$(sha256sum "$out/$file" | cut -d' ' -f1)
  else
    actual=$(awk -v f="$file" '$1 == f && $2 == "sha256" { print $3 }' "$log")
  fi
  if [[ "$actual" == "$sha" ]]; then
    echo "OK        $file"
  else
    echo "MISMATCH  $file: expected $sha, got ${actual:-nothing}" >&2
    status=1
  fi
done < <(sed -n '/^```sha256$/,/^```$/p' "$manifest" | grep -E '^[0-9a-f]{64}  ')
exit $status
