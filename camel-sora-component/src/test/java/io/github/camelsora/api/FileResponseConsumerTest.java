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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.impl.BasicEntityDetails;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FileResponseConsumerTest {

    @TempDir
    Path dir;

    @Test
    void aRetryIntoTheSameFileKeepsNoByteOfTheEarlierAttempt() throws Exception {
        Path file = Files.write(dir.resolve(".video.part"), new byte[4096]);

        FileResponseConsumer.Result result = receive(file, 200, "video/mp4", "new");

        assertThat(result.bytes()).isEqualTo(3);
        assertThat(Files.readString(file)).isEqualTo("new");
    }

    @Test
    void anErrorBodyNeverReachesTheFile() throws Exception {
        Path file = Files.createFile(dir.resolve(".video.part"));

        FileResponseConsumer.Result result = receive(file, 500, "application/json", "{\"error\":{}}");

        assertThat(new String(result.error(), StandardCharsets.UTF_8)).isEqualTo("{\"error\":{}}");
        assertThat(Files.size(file)).isZero();
    }

    private static FileResponseConsumer.Result receive(Path file, int status, String type, String body)
            throws Exception {
        FileResponseConsumer consumer = new FileResponseConsumer(file, 1 << 20);
        BasicHttpResponse response = new BasicHttpResponse(status);
        response.addHeader("Content-Type", type);
        CompletableFuture<FileResponseConsumer.Result> done = new CompletableFuture<>();
        consumer.consumeResponse(response, new BasicEntityDetails(body.length(), ContentType.parse(type)), null,
                new FutureCallback<>() {
                    @Override
                    public void completed(FileResponseConsumer.Result result) {
                        done.complete(result);
                    }

                    @Override
                    public void failed(Exception e) {
                        done.completeExceptionally(e);
                    }

                    @Override
                    public void cancelled() {
                        done.cancel(false);
                    }
                });
        consumer.consume(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)));
        consumer.streamEnd(null);
        return done.get(5, TimeUnit.SECONDS);
    }
}
