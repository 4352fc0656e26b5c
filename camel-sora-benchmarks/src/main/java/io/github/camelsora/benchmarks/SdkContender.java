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

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponse;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoModel;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;

/**
 * The official SDK ({@code com.openai:openai-java}) as its own video example uses it: create, then
 * {@code Thread.sleep} and {@code retrieve} until the job is done, then {@code downloadContent} copied to a file;
 * each job on a thread of a pool (one thread per job in flight to submit all at once).
 */
final class SdkContender implements Contender {

    private final Target target;
    private OpenAIClient client;
    private ExecutorService pool;

    SdkContender(Target target) {
        this.target = target;
    }

    @Override
    public String name() {
        return "openai-java SDK";
    }

    @Override
    public void start() {
        client = OpenAIOkHttpClient.builder().apiKey(target.apiKey()).baseUrl(target.baseUrl()).build();
        pool = Executors.newFixedThreadPool(target.threads());
    }

    @Override
    public void submit(String prompt, Consumer<Delivery> done) {
        pool.execute(() -> {
            String videoId = null;
            try {
                Video video = client.videos().create(VideoCreateParams.builder()
                        .prompt(prompt)
                        .model(VideoModel.SORA_2)
                        .seconds(VideoSeconds._4)
                        .size(VideoSize._720X1280)
                        .build());
                videoId = video.id();
                while (video.status().equals(Video.Status.QUEUED) || video.status().equals(Video.Status.IN_PROGRESS)) {
                    Thread.sleep(target.pollEvery().toMillis());
                    video = client.videos().retrieve(videoId);
                }
                if (!video.status().equals(Video.Status.COMPLETED)) {
                    throw new IllegalStateException("video " + videoId + " ended " + video.status());
                }
                long downloadStart = System.nanoTime();
                Path file = target.output().resolve(videoId + ".mp4");
                try (HttpResponse response = client.videos().downloadContent(videoId);
                     InputStream body = response.body()) {
                    Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
                }
                long downloadNanos = System.nanoTime() - downloadStart;
                done.accept(new Delivery(prompt, videoId, file, null, System.currentTimeMillis(), downloadNanos));
            } catch (Throwable e) {
                done.accept(new Delivery(prompt, videoId, null, e, System.currentTimeMillis(), -1));
            }
        });
    }

    @Override
    public void close() throws Exception {
        if (pool != null) {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        if (client != null) {
            client.close();
        }
    }
}
