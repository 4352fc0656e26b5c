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
package io.github.camelsora.simulator;

import java.util.List;

/**
 * A create request as read from JSON or multipart, type-checked but not yet value-checked.
 * Null fields were absent.
 *
 * @param referenceImage bytes of an uploaded file or a data: URL, when the request carries one
 * @param characterIds   ids from {@code characters}; accepted and otherwise ignored
 */
record CreateVideoRequest(String prompt, String model, String seconds, String size, byte[] referenceImage,
                          List<String> characterIds) {
}
