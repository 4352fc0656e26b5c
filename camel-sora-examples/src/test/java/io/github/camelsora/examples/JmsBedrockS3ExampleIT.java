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
package io.github.camelsora.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.camelsora.examples.servers.EmbeddedBroker;
import io.github.camelsora.examples.servers.EmbeddedS3;
import io.github.camelsora.simulator.Dialect;
import io.github.camelsora.simulator.SoraSimulator;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * JMS (embedded Artemis) -> Bedrock (the simulator's dialect, writing to an embedded S3Proxy as Bedrock writes to
 * S3) -> the location -> camel-aws2-s3 copyObject into the publishing bucket: the videos arrive there, and nothing
 * was downloaded by Camel.
 */
class JmsBedrockS3ExampleIT {

    @TempDir
    Path work;

    @Test
    void promptsOnTheQueueBecomeVideosInThePublishingBucket() throws Exception {
        String key = "AKIAEXAMPLEBEDROCK";
        String secret = "example-secret-key";
        try (EmbeddedBroker broker = new EmbeddedBroker();
             EmbeddedS3 s3 = new EmbeddedS3(key, secret);
             S3Client client = S3Client.builder().endpointOverride(s3.endpoint()).forcePathStyle(true)
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                     .build()) {
            client.createBucket(b -> b.bucket("renders"));
            client.createBucket(b -> b.bucket("published"));
            try (SoraSimulator sim = SoraSimulator.builder().dialect(Dialect.BEDROCK).apiKey(key)
                         .renderTime(Duration.ofSeconds(1)).drawPrompt(false)
                         .s3Output(s3.endpoint().toString(), key, secret).start();
                 CamelContext camel = JmsBedrockS3Example.start(broker.connectionFactory(), sim.baseUrl(),
                         s3.endpoint().toString(), "us-east-1", key, secret)) {
                camel.createProducerTemplate().sendBody("jms:queue:" + JmsBedrockS3Example.PROMPTS_QUEUE,
                        "A red kite over green hills");
                camel.createProducerTemplate().sendBody("jms:queue:" + JmsBedrockS3Example.PROMPTS_QUEUE,
                        "Rain on a tin roof");

                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(client.listObjectsV2(b -> b.bucket("published")).contents()).hasSize(2));
                List<S3Object> published = client.listObjectsV2(b -> b.bucket("published")).contents();
                for (S3Object object : published) {
                    assertThat(object.key()).matches("videos/[0-9a-f]{12}\\.mp4");
                    Path fetched = work.resolve(object.key().substring("videos/".length()));
                    Files.write(fetched, client.getObjectAsBytes(b -> b.bucket("published").key(object.key()))
                            .asByteArray());
                    VideoChecks.assertValidMp4(fetched, 1280, 720, 6);
                }
                assertThat(sim.totalCreates()).isEqualTo(2);
            }
        }
    }
}
