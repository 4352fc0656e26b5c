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

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A job as each dialect's server describes it (see {@link Dialect} for the sources). OpenAI's
 * {@code VideoResource} ({@link Json#video}) is the base; the other dialects rename, retype, drop and add members.
 */
final class DialectFormat {

    /** What the dialects that report a cost charge per second of video, in US dollars. */
    static final double SIMULATED_PRICE_PER_SECOND = 0.05;

    private DialectFormat() {
    }

    static ObjectNode video(SimulatorState state, VideoJob job, JobSnapshot snapshot) {
        Dialect dialect = state.dialect;
        PromptRules.RawStatus raw = state.rules.rawStatusFor(job.prompt());
        String status = raw != null ? raw.status() : dialect.statusWord(snapshot.status());
        boolean completed = raw == null && snapshot.status() == JobStatus.COMPLETED;
        boolean failed = raw == null && snapshot.status() == JobStatus.FAILED;
        if (dialect == Dialect.OPENROUTER) {
            return openRouter(state, job, snapshot, status, completed, failed, raw);
        }
        ObjectNode node = Json.video(job, snapshot);
        node.put("status", status);
        if (raw != null) {
            node.put("progress", 50);
            if (raw.withError()) {
                ObjectNode error = node.putObject("error");
                error.put("code", "simulated_error");
                error.put("message", "The job failed in a way this status word does not say.");
            }
        }
        switch (dialect) {
            case COMETAPI -> {
                node.put("task_id", job.id());
                node.put("seconds", "");
                node.put("size", orientation(job.size()));
                if (completed) {
                    node.put("video_url", resultUrl(state, job));
                }
            }
            case SGLANG -> {
                node.remove("remixed_from_video_id");
                node.put("quality", "standard");
                if (failed) {
                    node.putObject("error").put("message", snapshot.error().message());
                }
            }
            case MERGE -> {
                node.put("seconds", job.seconds());
                node.put("size", job.sizeLabel());
                if (completed || failed) {
                    // failed jobs are not billed
                    node.put("cost", completed ? job.seconds() * SIMULATED_PRICE_PER_SECOND : 0.0);
                }
            }
            case INWORLD -> {
                if (completed) {
                    node.putObject("output").putArray("videos").addObject().put("url", resultUrl(state, job));
                }
            }
            default -> {
                // OpenAI's shape
            }
        }
        return node;
    }

    private static ObjectNode openRouter(SimulatorState state, VideoJob job, JobSnapshot snapshot, String status,
                                         boolean completed, boolean failed, PromptRules.RawStatus raw) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", job.id());
        node.put("polling_url", state.baseUrl + "/videos/" + job.id());
        node.put("status", status);
        if (completed) {
            node.put("generation_id", "gen-" + job.id().substring(job.id().indexOf('-') + 1, 16));
            String url = state.rules.resultUrlFor(job.prompt());
            node.putArray("unsigned_urls").add(url != null ? url
                    : state.baseUrl + "/videos/" + job.id() + "/content?index=0");
            ObjectNode usage = node.putObject("usage");
            usage.put("cost", job.seconds() * SIMULATED_PRICE_PER_SECOND);
            usage.put("is_byok", false);
        }
        if (failed) {
            node.put("error", snapshot.error().message());
        }
        if (raw != null && raw.withError()) {
            node.put("error", "The job failed in a way this status word does not say.");
        }
        return node;
    }

    /** The job's result link: a prompt rule's URL, else a fresh signed link on this simulator. */
    static String resultUrl(SimulatorState state, VideoJob job) {
        String url = state.rules.resultUrlFor(job.prompt());
        if (url != null) {
            return url;
        }
        Instant expires = state.clock.instant().plus(state.resultUrlLifetime());
        return origin(state.baseUrl) + ResultLinks.PATH + state.links.token(job.id(), expires);
    }

    static String origin(String baseUrl) {
        int path = baseUrl.indexOf('/', baseUrl.indexOf("//") + 2);
        return path < 0 ? baseUrl : baseUrl.substring(0, path);
    }

    /** CometAPI's orientation hint. */
    static String orientation(FrameSize size) {
        return size.width() > size.height() ? "16x9" : size.width() < size.height() ? "9x16" : "1x1";
    }
}
