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

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.camelsora.api.SoraValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code download}: fetch a completed video's MP4 (checked), thumbnail or spritesheet (identified by magic bytes)
 * into the output directory and answer with the file.
 */
final class DownloadHandler implements SoraOperationHandler {

    private static final List<String> VARIANTS = List.of("video", "thumbnail", "spritesheet");

    private final SoraBinding steps;

    DownloadHandler(SoraBinding steps) {
        this.steps = steps;
    }

    @Override
    public CompletableFuture<Void> start(Exchange exchange) {
        Message message = exchange.getMessage();
        String videoId = SoraBinding.videoId(message, true);
        String variant = message.getHeader(SoraConstants.VARIANT, steps.config().getVariant(), String.class);
        if (!VARIANTS.contains(variant)) {
            throw new SoraValidationException("variant", "'" + variant + "' is not one of " + VARIANTS);
        }
        message.setHeader(SoraConstants.VIDEO_ID, videoId);
        if (variant.equals("video")) {
            return steps.engine().downloadVideo(steps.context(), videoId, null)
                    .thenAccept(saved -> SoraBinding.fileResult(message, saved.file(), "video/mp4"));
        }
        return steps.engine().downloadImage(steps.context(), videoId, variant)
                .thenAccept(saved -> SoraBinding.fileResult(message, saved.file(), saved.info().type().mimeType()));
    }
}
