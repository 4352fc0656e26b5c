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

import java.util.function.Consumer;

/** One way of turning a prompt into a downloaded video: camel-sora, plain Camel, or the official SDK. */
interface Contender extends AutoCloseable {

    String name();

    void start() throws Exception;

    /** Starts one job and returns at once; {@code done} is called exactly once when it ends. */
    void submit(String prompt, Consumer<Delivery> done);

    @Override
    void close() throws Exception;
}
