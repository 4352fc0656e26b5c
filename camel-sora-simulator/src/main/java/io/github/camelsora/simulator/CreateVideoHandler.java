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

import java.io.IOException;
import java.util.Locale;

/**
 * {@code POST /v1/videos}: JSON or multipart/form-data body, answers the new job as the dialect describes it. OpenAI,
 * Azure and LiteLLM keep OpenAI's request checks; the other dialects read their own ({@link DialectCreateReader}).
 */
final class CreateVideoHandler implements EndpointHandler {

    private final SimulatorState state;

    CreateVideoHandler(SimulatorState state) {
        this.state = state;
    }

    @Override
    public void handle(ApiExchange exchange, String videoId) throws IOException, ApiException {
        String contentType = exchange.requestHeader("Content-Type");
        if (!state.dialect.strictModels()) {
            VideoSpec spec = DialectCreateReader.read(state.dialect, contentType, exchange.readBody());
            VideoJob job = state.createJob(spec);
            exchange.sendJson(state.dialect.createStatus(), state.describe(job, state.snapshot(job)));
            return;
        }
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        byte[] body = exchange.readBody();
        CreateVideoRequest request;
        if (mediaType.equals("application/json")) {
            request = JsonCreateRequestReader.read(body);
        } else if (mediaType.equals("multipart/form-data")) {
            String boundary = MultipartParser.boundary(contentType);
            if (boundary == null || boundary.isEmpty()) {
                throw ApiException.invalidRequest("Invalid Content-Type: multipart/form-data without a boundary.", null,
                        "invalid_multipart");
            }
            request = MultipartCreateRequestReader.read(MultipartParser.parse(body, boundary));
        } else {
            throw ApiException.invalidRequest("Unsupported Content-Type '" + (contentType == null ? "" : contentType)
                    + "': send application/json or multipart/form-data.", null, "unsupported_content_type");
        }
        VideoSpec spec = state.dialect == Dialect.AZURE
                ? AzureRules.validate(request)
                : CreateRequestValidator.validate(request);
        VideoJob job = state.createJob(spec);
        exchange.sendJson(200, state.describe(job, state.snapshot(job)));
    }
}
