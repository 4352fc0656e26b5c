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
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.reactor.IOReactorConfig;

/**
 * The same calls camel-sora makes (create, status until done, content streamed to a file), written directly on
 * the asynchronous HttpClient 5 that camel-sora uses, with the same pool and I/O threads: the yardstick for the
 * component's own overhead. No Camel, no checks beyond the HTTP status.
 */
final class BareHttpContender implements Contender {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Target target;
    private CloseableHttpAsyncClient http;
    private ScheduledExecutorService timer;

    BareHttpContender(Target target) {
        this.target = target;
    }

    @Override
    public String name() {
        return "bare HttpClient 5";
    }

    @Override
    public void start() {
        http = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(20).setMaxConnTotal(40).build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(2).build())
                // camel-sora's buffer size, so that the yardstick differs from it only by what the component adds
                .setHttp1Config(Http1Config.custom().setBufferSize(64 * 1024).build())
                .disableAutomaticRetries()
                .build();
        http.start();
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @Override
    public void submit(String prompt, Consumer<Delivery> done) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("prompt", prompt);
        body.put("model", "sora-2");
        body.put("seconds", "4");
        body.put("size", "720x1280");
        byte[] json;
        try {
            json = MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            done.accept(new Delivery(prompt, null, null, e, System.currentTimeMillis(), -1));
            return;
        }
        send(SimpleRequestBuilder.post(target.baseUrl() + "/videos").setBody(json, ContentType.APPLICATION_JSON).build())
                .thenAccept(created -> poll(prompt, created.get("id").asText(), done))
                .exceptionally(error -> {
                    done.accept(new Delivery(prompt, null, null, error, System.currentTimeMillis(), -1));
                    return null;
                });
    }

    private void poll(String prompt, String videoId, Consumer<Delivery> done) {
        timer.schedule(() -> send(SimpleRequestBuilder.get(target.baseUrl() + "/videos/" + videoId).build())
                .thenAccept(video -> {
                    String status = video.get("status").asText();
                    if (status.equals("queued") || status.equals("in_progress")) {
                        poll(prompt, videoId, done);
                    } else if (status.equals("completed")) {
                        download(prompt, videoId, done);
                    } else {
                        throw new IllegalStateException("video " + videoId + " ended " + status);
                    }
                })
                .exceptionally(error -> {
                    done.accept(new Delivery(prompt, videoId, null, error, System.currentTimeMillis(), -1));
                    return null;
                }), target.pollEvery().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void download(String prompt, String videoId, Consumer<Delivery> done) {
        Path file = target.output().resolve(videoId + ".mp4");
        SimpleHttpRequest get = SimpleRequestBuilder.get(target.baseUrl() + "/videos/" + videoId + "/content").build();
        get.setHeader("Authorization", "Bearer " + target.apiKey());
        long start = System.nanoTime();
        http.execute(SimpleRequestProducer.create(get), new ToFile(file), null, new FutureCallback<Path>() {
            @Override
            public void completed(Path result) {
                done.accept(new Delivery(prompt, videoId, result, null, System.currentTimeMillis(),
                        System.nanoTime() - start));
            }

            @Override
            public void failed(Exception e) {
                done.accept(new Delivery(prompt, videoId, null, e, System.currentTimeMillis(), -1));
            }

            @Override
            public void cancelled() {
                failed(new IOException("cancelled"));
            }
        });
    }

    private CompletableFuture<JsonNode> send(SimpleHttpRequest request) {
        request.setHeader("Authorization", "Bearer " + target.apiKey());
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        http.execute(request, new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                try {
                    if (response.getCode() != 200) {
                        throw new IOException("HTTP " + response.getCode());
                    }
                    result.complete(MAPPER.readTree(response.getBodyBytes()));
                } catch (IOException e) {
                    result.completeExceptionally(e);
                }
            }

            @Override
            public void failed(Exception e) {
                result.completeExceptionally(e);
            }

            @Override
            public void cancelled() {
                result.completeExceptionally(new IOException("cancelled"));
            }
        });
        return result;
    }

    /** Streams the body into a file as it arrives. */
    private static final class ToFile extends AbstractBinResponseConsumer<Path> {

        private final Path file;
        private FileChannel channel;
        private int status;

        ToFile(Path file) {
            this.file = file;
        }

        @Override
        protected void start(HttpResponse response, ContentType contentType) throws HttpException, IOException {
            status = response.getCode();
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        }

        @Override
        protected int capacityIncrement() {
            return 64 * 1024;
        }

        @Override
        protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
            while (src.hasRemaining()) {
                channel.write(src);
            }
        }

        @Override
        protected Path buildResult() {
            try {
                channel.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            if (status != 200) {
                throw new IllegalStateException("HTTP " + status);
            }
            return file;
        }

        @Override
        public void releaseResources() {
            if (channel != null && channel.isOpen()) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (http != null) {
            http.close(CloseMode.GRACEFUL);
        }
    }
}
