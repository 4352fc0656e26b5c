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

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * What the model marketplaces' clients ({@link FalQueueClient}, {@link ReplicateClient}, {@link BytePlusArkClient})
 * share: their profile, settings and JSON calls over the one transport, and the download of a result they name by
 * URL on another host.
 */
abstract class MarketplaceClient implements VideoProvider {

    final ProviderProfile profile;
    final ClientSettings settings;
    final JsonCalls calls;

    MarketplaceClient(ProviderProfile profile, ClientSettings settings, HttpTransport transport) {
        this.profile = profile;
        this.settings = settings;
        this.calls = new JsonCalls(settings, transport);
    }

    @Override
    public ProviderProfile profile() {
        return profile;
    }

    @Override
    public String server() {
        return profile.name() + " " + settings.baseUrl();
    }

    /**
     * Streams the result the job names at {@code url} into {@code file} under the safe-fetch rules; a job that names
     * none is an {@code invalid_response} ({@code what} says where the URL should have been).
     */
    CompletableFuture<Download> downloadNamed(String url, String what, JsonCalls.Reply reply, String videoId, Path file,
                                              Deadline deadline) {
        if (url == null) {
            throw new SoraApiException("download video", 200, new ApiError(what + " names no video URL", null, null,
                    "invalid_response"), reply.requestId(), videoId);
        }
        return calls.downloadResult(url, file, "download video", videoId, deadline);
    }
}
