#!/usr/bin/env bash
#
# Copyright 2026 The camel-sora Authors
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     https://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
#

# Runs every benchmark scenario against the simulator (in a JVM of its own) and writes docs/benchmarks.md.
# Builds what it needs first (never installs). Takes about 50 minutes with the defaults on 2 cores.
#   camel-sora-benchmarks/run.sh                    # 3 runs of every scenario
#   camel-sora-benchmarks/run.sh --runs 1 --jobs 200 --economy-jobs 200 --render-time 10s   # a quick look
#   camel-sora-benchmarks/run.sh --scenarios downloads,overhead --runs 5 --merge /abs/path/benchmarks-raw.json
#                                                   # re-measure some sections, keep the others of an earlier run
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -ntp -Pbenchmark -pl camel-sora-benchmarks -am -DskipTests package -Dbenchmark.args="--runs 3 $*"
