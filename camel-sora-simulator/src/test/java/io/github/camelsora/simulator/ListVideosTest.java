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

import static io.github.camelsora.simulator.VideoAssertions.assertError;
import static io.github.camelsora.simulator.VideoAssertions.assertVideoResource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ListVideosTest {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .renderTime(Duration.ofMinutes(1)).resetBeforeEach(true).build();

    private SimClient client;
    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void createSevenJobs() {
        client = new SimClient(SIM.simulator());
        for (int i = 0; i < 7; i++) {
            created.add(client.create("job " + i));
        }
    }

    private JsonNode list(String query) {
        var response = client.get("/videos" + query);
        assertThat(response.statusCode()).as(SimClient.text(response)).isEqualTo(200);
        JsonNode page = SimClient.json(response);
        List<String> keys = new ArrayList<>();
        page.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("object", "data", "first_id", "last_id", "has_more");
        assertThat(page.get("object").asText()).isEqualTo("list");
        page.get("data").forEach(VideoAssertions::assertVideoResource);
        return page;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(video -> ids.add(video.get("id").asText()));
        return ids;
    }

    @Test
    void defaultIsNewestFirstUpToTwenty() {
        JsonNode page = list("");
        List<String> newestFirst = new ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);

        assertThat(ids(page)).containsExactlyElementsOf(newestFirst);
        assertThat(page.get("has_more").asBoolean()).isFalse();
        assertThat(page.get("first_id").asText()).isEqualTo(created.get(6));
        assertThat(page.get("last_id").asText()).isEqualTo(created.get(0));
    }

    @Test
    void threeDescendingPagesWithAfterAndLimit() {
        JsonNode first = list("?limit=3");
        JsonNode second = list("?limit=3&after=" + first.get("last_id").asText());
        JsonNode third = list("?limit=3&after=" + second.get("last_id").asText());

        assertThat(ids(first)).containsExactly(created.get(6), created.get(5), created.get(4));
        assertThat(first.get("has_more").asBoolean()).isTrue();
        assertThat(first.get("first_id").asText()).isEqualTo(created.get(6));
        assertThat(first.get("last_id").asText()).isEqualTo(created.get(4));
        assertThat(ids(second)).containsExactly(created.get(3), created.get(2), created.get(1));
        assertThat(second.get("has_more").asBoolean()).isTrue();
        assertThat(ids(third)).containsExactly(created.get(0));
        assertThat(third.get("has_more").asBoolean()).isFalse();
        assertThat(third.get("first_id").asText()).isEqualTo(created.get(0));
        assertThat(third.get("last_id").asText()).isEqualTo(created.get(0));
    }

    @Test
    void threeAscendingPages() {
        JsonNode first = list("?order=asc&limit=3");
        JsonNode second = list("?order=asc&limit=3&after=" + first.get("last_id").asText());
        JsonNode third = list("?order=asc&limit=3&after=" + second.get("last_id").asText());

        assertThat(ids(first)).containsExactlyElementsOf(created.subList(0, 3));
        assertThat(ids(second)).containsExactlyElementsOf(created.subList(3, 6));
        assertThat(ids(third)).containsExactly(created.get(6));
        assertThat(List.of(first.get("has_more").asBoolean(), second.get("has_more").asBoolean(),
                third.get("has_more").asBoolean())).containsExactly(true, true, false);
    }

    @Test
    void exactlyFullLastPageHasNoMore() {
        JsonNode page = list("?order=asc&limit=7");
        assertThat(ids(page)).hasSize(7);
        assertThat(page.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void cursorOnADeletedVideoStillPaginates() {
        assertThat(client.delete("/videos/" + created.get(3)).statusCode()).isEqualTo(200);

        JsonNode page = list("?order=asc&after=" + created.get(3));

        assertThat(ids(page)).containsExactlyElementsOf(created.subList(4, 7));
        assertThat(ids(list("?order=asc"))).doesNotContain(created.get(3)).hasSize(6);
    }

    @Test
    void emptyListHasNullIds() {
        SIM.simulator().reset();
        JsonNode page = list("");
        assertThat(page.get("data")).isEmpty();
        assertThat(page.get("first_id").isNull()).isTrue();
        assertThat(page.get("last_id").isNull()).isTrue();
        assertThat(page.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void invalidQueryParametersAre400() {
        assertError(client.get("/videos?limit=0"), 400, "limit", "integer_below_min_value");
        assertError(client.get("/videos?limit=101"), 400, "limit", "integer_above_max_value");
        assertError(client.get("/videos?limit=ten"), 400, "limit", "invalid_type");
        assertError(client.get("/videos?order=newest"), 400, "order", "invalid_value");
        assertError(client.get("/videos?after=video_unknown"), 400, "after", "invalid_value");
    }

    @Test
    void listShowsCurrentStatus() {
        JsonNode video = list("?limit=1").get("data").get(0);
        assertVideoResource(video);
        assertThat(video.get("status").asText()).isEqualTo("queued");
    }
}
