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
package io.github.camelsora.conformance;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelsora.SoraComponent;
import io.github.camelsora.SoraConstants;
import io.github.camelsora.TestSora;
import io.github.camelsora.simulator.RecordedExchange;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request the component sends, for every operation and both encodings of create, is captured by the simulator
 * and validated against the official OpenAPI description; so is every answer the simulator gives.
 */
class RequestConformanceIT extends CamelTestSupport {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .renderTime(Duration.ofMillis(300))
            .recordExchanges(true)
            .build();

    @TempDir
    static Path output;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SoraComponent sora = TestSora.component(SIM.baseUrl(), SIM.apiKey(), output, 100, 200);
        context.addComponent("sora", sora);
        return context;
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new HashMap<>(headers));
        });
        assertThat(exchange.getException()).as(uri).isNull();
        return exchange;
    }

    @Test
    void everyRequestAndAnswerConformsToTheDescription() {
        SIM.simulator().failWhenPromptContains("[no-render]", "moderation_blocked", "not rendered in this test");
        // create: JSON (with a file_id reference and characters) and multipart (uploaded image)
        send("sora:create", "Pass-through values of the guide [no-render]",
                Map.of(SoraConstants.MODEL, "sora-2-pro", SoraConstants.SIZE, "1920x1080", SoraConstants.SECONDS, "16"));
        send("sora:create", "A JSON reference [no-render]", Map.of(SoraConstants.INPUT_REFERENCE, "file-abc123",
                SoraConstants.CHARACTERS, List.of("char_1")));
        send("sora:create", "A URL reference [no-render]",
                Map.of(SoraConstants.INPUT_REFERENCE, "https://example.com/first-frame.png"));
        send("sora:create?size=720x1280", "An uploaded reference [no-render]",
                Map.of(SoraConstants.INPUT_REFERENCE, io.github.camelsora.TestImagesAccess.png(720, 1280)));
        // generate covers create, retrieve and content; variants the other content types
        Exchange generated = send("sora:generate?variants=thumbnail,spritesheet", "A lantern", Map.of());
        String id = generated.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        send("sora:retrieve", id, Map.of());
        send("sora:await", id, Map.of());
        send("sora:download?variant=thumbnail", id, Map.of());
        send("sora:list?limit=2&order=asc", null, Map.of());
        send("sora:list", null, Map.of(SoraConstants.LIST_AFTER, id, SoraConstants.LIST_LIMIT, 100,
                SoraConstants.LIST_ORDER, "desc"));
        send("sora:remix", "A lantern in fog", Map.of(SoraConstants.VIDEO_ID, id));
        send("sora:edit", "Make it blue", Map.of(SoraConstants.VIDEO_ID, id));
        send("sora:extend?seconds=4", "The flame flickers out", Map.of(SoraConstants.VIDEO_ID, id));
        Exchange character = send("sora:createCharacter?characterName=Lantern",
                generated.getMessage().getBody(File.class), Map.of());
        send("sora:getCharacter", character.getMessage().getHeader(SoraConstants.CHARACTER_ID), Map.of());
        send("sora:delete", id, Map.of());

        OpenApiContract contract = new OpenApiContract();
        Set<String> covered = new HashSet<>();
        List<RecordedExchange> exchanges = SIM.simulator().recordedExchanges();
        for (RecordedExchange exchange : exchanges) {
            OpenApiContract.Checked checked = contract.check(exchange, "/v1");
            covered.add(checked.operationId() + (checked.encoding() == null ? "" : " " + checked.encoding()));
        }
        assertThat(covered).contains("createVideo application/json", "createVideo multipart/form-data", "GetVideo",
                "ListVideos", "DeleteVideo", "RetrieveVideoContent", "CreateVideoRemix application/json",
                "CreateVideoEdit application/json", "CreateVideoExtend application/json",
                "CreateVideoCharacter multipart/form-data", "GetVideoCharacter");
        // the guide's 1080p size and 16 s are sent through and show up as the known deviations, and nothing else
        assertThat(contract.deviations()).anyMatch(d -> d.contains("/seconds=16"))
                .anyMatch(d -> d.contains("/size=1920x1080"));
        assertThat(exchanges).hasSizeGreaterThan(15);
    }

    @Test
    void aViolationIsDetected() {
        SIM.simulator().reset();
        // an integer where the description wants a string: the validator must object
        RecordedExchange bad = new RecordedExchange("POST", "/v1/videos", null,
                Map.of("content-type", "application/json"), "{\"prompt\":\"x\",\"seconds\":8}".getBytes(), 200,
                "application/json", "{}".getBytes(), 2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OpenApiContract().check(bad, "/v1"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("seconds");
    }
}
