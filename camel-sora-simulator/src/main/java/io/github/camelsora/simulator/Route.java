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

/** The simulated endpoints, used to aim injected errors at one of them. */
public enum Route {
    /** {@code POST /v1/videos} */
    CREATE,
    /** {@code GET /v1/videos/{id}} */
    RETRIEVE,
    /** {@code GET /v1/videos} */
    LIST,
    /** {@code DELETE /v1/videos/{id}} */
    DELETE,
    /** {@code GET /v1/videos/{id}/content} */
    CONTENT,
    /** {@code POST /v1/videos/{id}/remix} */
    REMIX,
    /** {@code POST /v1/videos/edits} */
    EDIT,
    /** {@code POST /v1/videos/extensions} */
    EXTEND,
    /** {@code POST /v1/videos/characters} */
    CREATE_CHARACTER,
    /** {@code GET /v1/videos/characters/{id}} */
    GET_CHARACTER,
    /** {@code GET /files/{token}}: a signed result link (the dialects that name their result by URL) */
    RESULT_FILE
}
