#!/bin/bash
# mirrorsense batch as a SLURM job array: one array task per shard, all writing into one shared results folder.
#
#   sbatch --array=0-15 tools/cluster/slurm-array.sh sessions.csv /shared/results
#
# Each task N of the array processes shard N+1 of the array's size (--shard is 1-based; task ids are 0-based), so
# the tasks together cover every manifest row exactly once. A task writes DIR/<id>/ per session and its own
# DIR/batch-<i>-of-<N>.csv and DIR/measures-<i>-of-<N>.csv, so tasks never write the same file.
# Resubmitting the same array resumes: finished sessions are skipped.
#
# Final combine step, once every task has finished (a dependent job):
#   jobid=$(sbatch --parsable --array=0-15 tools/cluster/slurm-array.sh sessions.csv /shared/results)
#   sbatch --dependency=afterany:$jobid --wrap "mirrorsense batch sessions.csv --out /shared/results --combine-only"
# writes /shared/results/measures.csv: one row per session × measure, for R or pandas.
#
# The array must start at 0 and have no gaps (--array=0-15, not 1-16 or 0-15:2): the shard count is
# SLURM_ARRAY_TASK_COUNT. A throttle such as --array=0-15%4 is fine.
#SBATCH --job-name=mirrorsense
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --time=04:00:00
#SBATCH --output=mirrorsense-%A_%a.log
set -euo pipefail

manifest=${1:?usage: sbatch --array=0-N slurm-array.sh MANIFEST.csv OUT_DIR [mirrorsense batch options…]}
out=${2:?usage: sbatch --array=0-N slurm-array.sh MANIFEST.csv OUT_DIR [mirrorsense batch options…]}
shift 2

# mirrorsense on PATH (a published build, or `module load`/a container as your cluster provides).
srun mirrorsense batch "$manifest" --out "$out" \
    --shard "$((SLURM_ARRAY_TASK_ID + 1))/$SLURM_ARRAY_TASK_COUNT" "$@"
