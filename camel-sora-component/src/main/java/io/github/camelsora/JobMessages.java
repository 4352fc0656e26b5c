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
package io.github.camelsora;

import java.util.concurrent.CompletableFuture;

import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoStatus;
import org.apache.camel.Message;

/** How the consumers put a job on a message: headers from the job, the job or its downloaded file as body. */
final class JobMessages {

    private JobMessages() {
    }

    static CompletableFuture<Void> deliver(SoraEndpoint endpoint, Video video, Message message) {
        JobSteps.videoHeaders(message, video);
        if (!endpoint.getConfiguration().isDownload() || video.videoStatus() != VideoStatus.COMPLETED) {
            message.setBody(video);
            return CompletableFuture.completedFuture(null);
        }
        return new JobSteps(endpoint).downloadVideo(video.id())
                .thenAccept(saved -> JobSteps.fileResult(message, saved.file(), "video/mp4"));
    }
}
