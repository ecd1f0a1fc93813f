#!/usr/bin/env bash
# The whole test suite. Reference-data tests run when MIRRORSENSE_REFERENCE_DATA points at the
# shared data folder and report themselves skipped, with the reason, otherwise.
# Extra arguments go to `dotnet test` (e.g. --logger trx).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-prerequisites.sh
dotnet test MirrorSense.sln -c Release -nologo "$@"
