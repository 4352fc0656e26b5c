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

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tolerant reader, against the bodies the providers' own docs and code show. */
class JobReaderTest {

    private static Video read(String profile, String json) throws Exception {
        return new JobReader(ProviderProfile.named(profile)).read(Json.MAPPER.readTree(json));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({
            // LiteLLM: Bedrock's InProgress and Gemini's running jobs are 'processing' (litellm transformation.py)
            "litellm, processing, in_progress, false",
            "litellm, succeeded, completed, true",
            "litellm, canceled, cancelled, true",
            // OpenRouter starts at 'pending'
            "openrouter, pending, queued, false",
            "openrouter, expired, expired, true",
            // CometAPI's guide: completed, failed and error are terminal
            "cometapi, error, failed, true",
            "cometapi, in_progress, in_progress, false",
            // SGLang's DELETE answers the job as 'deleted'
            "sglang, deleted, deleted, true",
            // the neutral words are every profile's, case-insensitively
            "openai, COMPLETED, completed, true",
            "custom, SUCCEEDED, completed, true",
            "custom, IN_QUEUE, queued, false",
            // a word the profile does not know is kept and is not terminal
            "openai, processing, processing, false",
            "cometapi, rendering, rendering, false"
    })
    void statusWordsAreMappedByTheProfile(String profile, String raw, String neutral, boolean terminal)
            throws Exception {
        Video video = read(profile, "{\"id\":\"x\",\"status\":\"" + raw + "\"}");
        assertThat(video.status()).isEqualTo(neutral);
        assertThat(video.rawStatus()).isEqualTo(raw);
        assertThat(video.videoStatus().isTerminal()).isEqualTo(terminal);
    }

    @Test
    void anUnknownWordWithAnErrorObjectIsAFailure() throws Exception {
        Video video = read("openai", "{\"id\":\"x\",\"status\":\"exploded\",\"error\":{\"code\":\"c\",\"message\":\"m\"}}");
        assertThat(video.status()).isEqualTo("failed");
        assertThat(video.providerStatus()).isEqualTo("exploded");
        assertThat(video.error().code()).isEqualTo("c");
        // an empty error object is no error
        assertThat(read("openai", "{\"id\":\"x\",\"status\":\"exploded\",\"error\":{}}").status()).isEqualTo("exploded");
        assertThat(read("openai", "{\"id\":\"x\",\"status\":\"exploded\",\"error\":null}").status()).isEqualTo("exploded");
    }

    @Test
    void cometApiTaskWithEmptySecondsOrientationHintAndVideoUrl() throws Exception {
        // apidoc.cometapi.com veo3-async-generation / veo3-retrive
        Video video = read("cometapi", """
                {"created_at":1773297229,"id":"task_pa9CKKtYlTdxO7IIHOKKhXfjxEu4EQoR","model":"veo_3_1-4K",
                 "object":"video","progress":100,"seconds":"","size":"16x9","status":"completed",
                 "task_id":"task_pa9CKKtYlTdxO7IIHOKKhXfjxEu4EQoR","video_url":"https://cdn.example.com/v.mp4?sig=1"}
                """);
        assertThat(video.id()).isEqualTo("task_pa9CKKtYlTdxO7IIHOKKhXfjxEu4EQoR");
        assertThat(video.seconds()).isNull();
        assertThat(video.size()).isEqualTo("16x9");
        assertThat(video.createdAt()).isEqualTo(1773297229L);
        assertThat(video.resultUrl()).isEqualTo("https://cdn.example.com/v.mp4?sig=1");
        // task_id stands in for a missing id
        assertThat(read("cometapi", "{\"task_id\":\"task_1\",\"status\":\"queued\"}").id()).isEqualTo("task_1");
    }

    @Test
    void openRouterJobWithUnsignedUrlsCostAndStringError() throws Exception {
        // openrouter.ai/docs/api/api-reference/video-generation/get-videos
        Video done = read("openrouter", """
                {"id":"job-abc123","polling_url":"/api/v1/videos/job-abc123","status":"completed",
                 "generation_id":"gen-xyz789","unsigned_urls":["https://storage.example.com/video.mp4"],
                 "usage":{"cost":0.5,"is_byok":false}}
                """);
        assertThat(done.resultUrl()).isEqualTo("https://storage.example.com/video.mp4");
        assertThat(done.reportedCost()).isEqualByComparingTo(new BigDecimal("0.5"));
        Video failed = read("openrouter", "{\"id\":\"job-1\",\"status\":\"failed\",\"error\":\"content policy\"}");
        assertThat(failed.error().code()).isNull();
        assertThat(failed.error().message()).isEqualTo("content policy");
    }

    @Test
    void mergeCostAsTextNumbersAndIsoTimes() throws Exception {
        Video video = read("merge", "{\"id\":\"vid_1\",\"status\":\"completed\",\"seconds\":4,\"size\":\"768P\","
                                    + "\"cost\":\"0.28\",\"created_at\":\"2026-11-02T10:00:00Z\","
                                    + "\"completed_at\":1793613600123,\"progress\":99.6}");
        assertThat(video.seconds()).isEqualTo("4");
        assertThat(video.size()).isEqualTo("768P");
        assertThat(video.reportedCost()).isEqualByComparingTo("0.28");
        assertThat(video.createdAt()).isEqualTo(1793613600L);
        assertThat(video.completedAt()).as("milliseconds").isEqualTo(1793613600L);
        assertThat(video.progress()).isEqualTo(100);
    }

    @Test
    void inworldSignedOutputUrlAndSglangErrorWithoutCode() throws Exception {
        Video inworld = read("inworld", "{\"id\":\"video_0123\",\"status\":\"completed\",\"output\":{\"videos\":"
                                        + "[{\"url\":\"https://signed.example.com/a.mp4?X-Goog-Signature=s\"}]}}");
        assertThat(inworld.resultUrl()).startsWith("https://signed.example.com/a.mp4");
        Video sglang = read("sglang", "{\"id\":\"abc\",\"status\":\"failed\",\"error\":{\"message\":\"OOM\"}}");
        assertThat(sglang.error().message()).isEqualTo("OOM");
    }

    @Test
    void aStatusThatIsNotAWordIsABrokenAnswer() {
        assertThatThrownBy(() -> read("openai", "{\"id\":\"x\",\"status\":{\"x\":1}}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deletesAndListsInEveryShape() throws Exception {
        JobReader openai = new JobReader(ProviderProfile.named("openai"));
        JobReader sglang = new JobReader(ProviderProfile.named("sglang"));
        assertThat(openai.readDeleted(Json.MAPPER.readTree("{\"id\":\"v\",\"object\":\"video.deleted\",\"deleted\":true}"),
                "v").deleted()).isTrue();
        assertThat(sglang.readDeleted(Json.MAPPER.readTree("{\"id\":\"v\",\"status\":\"deleted\"}"), "v").deleted())
                .isTrue();
        JsonNode page = Json.MAPPER.readTree("{\"data\":[{\"id\":\"a\",\"status\":\"queued\"},{\"id\":\"b\","
                                             + "\"status\":\"completed\"}]}");
        VideoList list = sglang.readList(page);
        assertThat(list.data()).extracting(Video::id).containsExactly("a", "b");
        assertThat(list.firstId()).isEqualTo("a");
        assertThat(list.lastId()).isEqualTo("b");
        assertThat(list.hasMore()).isFalse();
    }
}
