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

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The simulator's view of the jobs of one run ({@code GET /_simulator/jobs?prompt_contains=TAG}). */
final class JobReport {

    /** What the simulator knows about one job: when it turned completed, how often it was asked. */
    record Job(String id, long createdAtMs, long finishesAtMs, int statusReads, int downloads) {

        long renderMs() {
            return finishesAtMs - createdAtMs;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JobReport() {
    }

    static Map<String, Job> fetch(String baseUrl, String apiKey, String tag) throws IOException, InterruptedException {
        URI v1 = URI.create(baseUrl);
        URI uri = v1.resolve("/_simulator/jobs?prompt_contains=" + URLEncoder.encode(tag, StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + apiKey).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("job report answered HTTP " + response.statusCode());
        }
        Map<String, Job> jobs = new HashMap<>();
        for (JsonNode job : MAPPER.readTree(response.body()).get("data")) {
            jobs.put(job.get("id").asText(), new Job(job.get("id").asText(), job.get("created_at_ms").asLong(),
                    job.get("finishes_at_ms").asLong(), job.get("status_reads").asInt(),
                    job.get("downloads").asInt()));
        }
        return jobs;
    }
}
