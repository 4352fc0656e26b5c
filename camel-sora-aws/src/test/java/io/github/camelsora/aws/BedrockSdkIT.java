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
package io.github.camelsora.aws;

import java.time.Duration;

import io.github.camelsora.simulator.Dialect;
import io.github.camelsora.simulator.SoraSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeOutputDataConfig;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeS3OutputDataConfig;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeStatus;
import software.amazon.awssdk.services.bedrockruntime.model.GetAsyncInvokeResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * AWS's own client (software.amazon.awssdk:bedrockruntime, synchronous, endpoint override) as a second opinion on
 * the simulator's Bedrock dialect: StartAsyncInvoke (the same clientRequestToken answers the same ARN),
 * GetAsyncInvoke until Completed, the MP4 in S3Proxy where the answer says, and a ValidationException in AWS's error
 * shape.
 */
class BedrockSdkIT {

    static S3Fixture s3;
    static SoraSimulator sim;
    static BedrockRuntimeClient bedrock;

    @BeforeAll
    static void start() throws Exception {
        s3 = new S3Fixture();
        s3.client().createBucket(b -> b.bucket("sdk"));
        sim = SoraSimulator.builder().dialect(Dialect.BEDROCK).apiKey(S3Fixture.ACCESS_KEY)
                .renderTime(Duration.ofMillis(500))
                .s3Output(s3.endpoint().toString(), S3Fixture.ACCESS_KEY, S3Fixture.SECRET_KEY).start();
        bedrock = BedrockRuntimeClient.builder().endpointOverride(java.net.URI.create(sim.baseUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        S3Fixture.ACCESS_KEY, S3Fixture.SECRET_KEY)))
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        bedrock.close();
        sim.close();
        s3.close();
    }

    @Test
    void startPollAndFindTheVideoInS3() {
        Document input = Document.mapBuilder()
                .putString("taskType", "TEXT_VIDEO")
                .putDocument("textToVideoParams", Document.mapBuilder().putString("text", "A red kite").build())
                .putDocument("videoGenerationConfig", Document.mapBuilder().putNumber("durationSeconds", 6)
                        .putNumber("fps", 24).putString("dimension", "1280x720").putNumber("seed", 3).build())
                .build();
        AsyncInvokeOutputDataConfig out = AsyncInvokeOutputDataConfig.fromS3OutputDataConfig(
                AsyncInvokeS3OutputDataConfig.builder().s3Uri("s3://sdk/reel").build());

        String arn = bedrock.startAsyncInvoke(b -> b.modelId("amazon.nova-reel-v1:0").modelInput(input)
                .outputDataConfig(out).clientRequestToken("token-1")).invocationArn();
        String again = bedrock.startAsyncInvoke(b -> b.modelId("amazon.nova-reel-v1:0").modelInput(input)
                .outputDataConfig(out).clientRequestToken("token-1")).invocationArn();

        assertThat(again).isEqualTo(arn);
        assertThat(sim.totalCreates()).isEqualTo(1);
        GetAsyncInvokeResponse[] latest = new GetAsyncInvokeResponse[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            latest[0] = bedrock.getAsyncInvoke(b -> b.invocationArn(arn));
            return latest[0].status() != AsyncInvokeStatus.IN_PROGRESS;
        });
        assertThat(latest[0].status()).isEqualTo(AsyncInvokeStatus.COMPLETED);
        assertThat(latest[0].modelArn()).endsWith("foundation-model/amazon.nova-reel-v1:0");
        assertThat(latest[0].endTime()).isNotNull();
        String folder = latest[0].outputDataConfig().s3OutputDataConfig().s3Uri();
        assertThat(folder).isEqualTo("s3://sdk/reel/" + arn.substring(arn.lastIndexOf('/') + 1));
        byte[] mp4 = s3.client().getObjectAsBytes(b -> b.bucket("sdk")
                .key(folder.substring("s3://sdk/".length()) + "/output.mp4")).asByteArray();
        assertThat(new String(mp4, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    }

    @Test
    void anInvalidInputIsAValidationException() {
        assertThatThrownBy(() -> bedrock.startAsyncInvoke(b -> b.modelId("luma.ray-v2:0")
                .modelInput(Document.mapBuilder().putString("prompt", "x").putString("duration", "7s").build())
                .outputDataConfig(AsyncInvokeOutputDataConfig.fromS3OutputDataConfig(
                        AsyncInvokeS3OutputDataConfig.builder().s3Uri("s3://sdk/luma").build()))))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).statusCode()).isEqualTo(400))
                .hasMessageContaining("duration");
    }
}
