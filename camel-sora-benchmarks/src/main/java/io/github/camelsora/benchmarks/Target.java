/*
 * Copyright 2026 The camel-sora Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.camelsora.benchmarks;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how the contenders work.
 *
 * @param baseUrl   the simulator, e.g. http://127.0.0.1:8089/v1
 * @param output    the directory videos are written to
 * @param pollEvery for the alternatives, the fixed delay between status requests (their examples use 10 s)
 * @param threads   for the alternatives, the threads that carry jobs (one per job in flight to submit all at once)
 */
record Target(String baseUrl, String apiKey, Path output, Duration pollEvery, int threads) {
}
