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
package io.github.camelsora;

import java.util.List;

/**
 * What a {@code sora:} endpoint does; the URI path, overridable per message with header {@code CamelSoraOperation}.
 * Each operation names the server endpoints it needs, so a provider profile without one of them fails the exchange
 * before anything is sent; {@code result} is the result of a job, behind the content route or a URL the job names.
 */
public enum SoraOperation {
    /** Create a job, wait for it without holding a thread, download the MP4: the one-step operation. */
    generate("create", "retrieve", "result"),
    /** Create a job and answer at once with the queued video (no waiting, no download). */
    create("create"),
    /** The current state of a video by id. */
    retrieve("retrieve"),
    /** Wait, without a thread, until a video by id reaches a terminal status; answers the final video. */
    await("retrieve"),
    /** Download a completed video's MP4, thumbnail or spritesheet to a file. */
    download("result"),
    /** List videos, one page or (autoPaginate) all of them. */
    list("list"),
    /** Delete a video and its assets. */
    delete("delete"),
    /** A new job from a completed video and a new prompt (legacy; prefer edit). */
    remix("remix"),
    /** A new job making a targeted change to a completed video. */
    edit("edit"),
    /** A new job continuing a completed video by some seconds; the result is the stitched whole. */
    extend("extend"),
    /** Create a reusable character from a short MP4. */
    createCharacter("createCharacter"),
    /** Fetch a character by id. */
    getCharacter("getCharacter"),
    /** Render a list of shots as one video: create the first, extend with the others, download the stitched result. */
    storyboard("create", "retrieve", "extend", "result"),
    /**
     * Consumer: receives the provider's signed webhook events over the runtime's platform-http server, verifies them,
     * and runs the route once per event with the job it is about.
     */
    webhook("retrieve"),
    /** Consumer: lists jobs on a schedule and emits each job once, when it has reached a terminal status. */
    videos("list");

    private final List<String> endpoints;

    SoraOperation(String... endpoints) {
        this.endpoints = List.of(endpoints);
    }

    /** The server endpoints this operation calls (names as in the provider profiles). */
    public List<String> endpoints() {
        return endpoints;
    }
}
