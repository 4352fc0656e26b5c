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
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeleteVideoTest {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder().resetBeforeEach(true).build();

    @Test
    void deleteAnswersDeletedResourceThenTheIdIsGone() {
        SimClient client = new SimClient(SIM.simulator());
        String id = client.create("to delete");
        String kept = client.create("to keep");

        var response = client.delete("/videos/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode deleted = SimClient.json(response);
        List<String> keys = new ArrayList<>();
        deleted.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("id", "object", "deleted");
        assertThat(deleted.get("id").asText()).isEqualTo(id);
        assertThat(deleted.get("object").asText()).isEqualTo("video.deleted");
        assertThat(deleted.get("deleted").asBoolean()).isTrue();

        assertError(client.get("/videos/" + id), 404, null, "video_not_found");
        assertError(client.get("/videos/" + id + "/content"), 404, null, "video_not_found");
        assertError(client.delete("/videos/" + id), 404, null, "video_not_found");
        assertThat(client.retrieve(kept).get("id").asText()).isEqualTo(kept);
        assertThat(SIM.simulator().createdVideoIds()).containsExactly(id, kept);
    }
}
