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

import java.util.List;

/**
 * Create rules of Azure OpenAI's v1 video surface: {@code model} is the name of a deployment (any name; it renders
 * as sora-2), required; only the 720p sizes; 4, 8 or 12 seconds.
 */
final class AzureRules {

    static final List<String> SIZES = List.of("720x1280", "1280x720");
    static final List<String> SECONDS = List.of("4", "8", "12");

    private AzureRules() {
    }

    static VideoSpec validate(CreateVideoRequest request) throws ApiException {
        String deployment = request.model();
        if (deployment == null || deployment.isBlank()) {
            throw ApiException.invalidRequest("Missing required parameter: 'model' (the name of your deployment).",
                    "model", "missing_required_parameter");
        }
        if (request.size() != null && !SIZES.contains(request.size())) {
            throw ApiException.invalidValue("size", request.size(), VideoModels.quotedList(SIZES));
        }
        if (request.seconds() != null && !SECONDS.contains(request.seconds())) {
            throw ApiException.invalidValue("seconds", request.seconds(), VideoModels.quotedList(SECONDS));
        }
        VideoSpec spec = CreateRequestValidator.validate(new CreateVideoRequest(request.prompt(), VideoModels.DEFAULT_MODEL,
                request.seconds(), request.size(), request.referenceImage(), request.characterIds()));
        return new VideoSpec(spec.prompt(), deployment, spec.size(), spec.seconds());
    }
}
