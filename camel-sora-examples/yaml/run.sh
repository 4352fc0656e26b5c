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

# Runs routes.camel.yaml with camel-main (org.apache.camel.main.Main, no Java code of ours). With SORA_BASE_URL and
# SORA_API_KEY set it uses that server; without them it starts the simulator first and stops it afterwards.
# Prompts: camel-sora-examples/prompts/*.txt; videos land in camel-sora-examples/yaml/videos.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -ntp -q -DskipTests -pl camel-sora-examples -am package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt
if [ -z "${SORA_BASE_URL:-}" ] || [ -z "${SORA_API_KEY:-}" ]; then
  java -jar camel-sora-simulator/target/camel-sora-simulator-0.1.0-standalone.jar --port 8089 --render-time 3s \
    --api-key sk-sim-yaml > /dev/null &
  simulator=$!
  trap 'kill $simulator' EXIT
  export SORA_BASE_URL=http://127.0.0.1:8089/v1 SORA_API_KEY=sk-sim-yaml
  echo "SORA_BASE_URL/SORA_API_KEY not set: using the simulator at $SORA_BASE_URL"
fi
cd camel-sora-examples/yaml
java -cp "../target/classes:$(cat ../target/classpath.txt)" org.apache.camel.main.Main -pl file:application.properties
