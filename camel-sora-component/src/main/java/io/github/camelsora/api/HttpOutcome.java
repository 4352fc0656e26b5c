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
package io.github.camelsora.api;

import java.time.Duration;

/** What every response consumer reports, so one redirect loop serves them all: the head, read once. */
interface HttpOutcome {

    ResponseHead head();

    default int status() {
        return head().status();
    }

    default String location() {
        return head().location();
    }

    default String contentType() {
        return head().contentType();
    }

    default String requestId() {
        return head().requestId();
    }

    default String pollAfterMs() {
        return head().pollAfterMs();
    }

    default Duration retryAfter() {
        return head().retryAfter();
    }

    default Long declaredLength() {
        return head().declaredLength();
    }
}
