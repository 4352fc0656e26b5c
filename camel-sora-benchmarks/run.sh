#!/usr/bin/env bash
# Runs every benchmark scenario against the simulator (in a JVM of its own) and writes docs/benchmarks.md.
# Builds what it needs first (never installs). Takes about 50 minutes with the defaults on 2 cores.
#   camel-sora-benchmarks/run.sh                    # 3 runs of every scenario
#   camel-sora-benchmarks/run.sh --runs 1 --jobs 200 --economy-jobs 200 --render-time 10s   # a quick look
#   camel-sora-benchmarks/run.sh --scenarios downloads,overhead --runs 5 --merge /abs/path/benchmarks-raw.json
#                                                   # re-measure some sections, keep the others of an earlier run
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -ntp -Pbenchmark -pl camel-sora-benchmarks -am -DskipTests package -Dbenchmark.args="--runs 3 $*"
