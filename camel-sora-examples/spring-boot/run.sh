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

# Builds and starts the Spring Boot video studio on port 8080, posts one prompt, prints the answer and the
# delivered file, then stops. With SORA_BASE_URL and SORA_API_KEY set it renders there; without them it starts
# the simulator first. Videos land in camel-sora-examples/spring-boot/videos.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -ntp -q -DskipTests -pl camel-sora-examples/spring-boot -am package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
if [ -z "${SORA_BASE_URL:-}" ] || [ -z "${SORA_API_KEY:-}" ]; then
  java -jar camel-sora-simulator/target/camel-sora-simulator-0.1.0-standalone.jar --port 8089 --render-time 3s \
    --api-key sk-sim > /dev/null &
  pids+=($!)
  export SORA_BASE_URL=http://127.0.0.1:8089/v1 SORA_API_KEY=sk-sim
  echo "SORA_BASE_URL/SORA_API_KEY not set: using the simulator at $SORA_BASE_URL"
fi
(cd camel-sora-examples/spring-boot \
  && exec java -cp "target/classes:$(cat target/classpath.txt)" \
       io.github.camelsora.examples.springboot.VideoStudioApplication > spring-boot-example.log 2>&1) &
pids+=($!)
# ready when the route answers: an empty prompt is refused with 400 before anything is sent
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST --data '' http://127.0.0.1:8080/videos || true)" = 400 ] && break
  sleep 1
done
echo "POST /videos 'A paper lantern drifting up at night':"
answer=$(curl -s -X POST -H 'Content-Type: text/plain' --data 'A paper lantern drifting up at night' \
  http://127.0.0.1:8080/videos)
echo "$answer"
video_id=$(echo "$answer" | sed -n 's/.*"videoId":"\([^"]*\)".*/\1/p')
echo "waiting for camel-sora-examples/spring-boot/videos/$video_id.mp4 ..."
for _ in $(seq 1 600); do
  [ -f "camel-sora-examples/spring-boot/videos/$video_id.mp4" ] && break
  sleep 1
done
ls -l "camel-sora-examples/spring-boot/videos/$video_id.mp4"
