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

/** Value checks of a create request (after type checks), in the order the API reports them. */
final class CreateRequestValidator {

    static final int MAX_PROMPT_LENGTH = 32_000;

    private CreateRequestValidator() {
    }

    static VideoSpec validate(CreateVideoRequest request) throws ApiException {
        String prompt = request.prompt();
        if (prompt == null) {
            throw ApiException.invalidRequest("Missing required parameter: 'prompt'.", "prompt", "missing_required_parameter");
        }
        // String.length() counts UTF-16 units, so an emoji counts 2; the API's own counting is not documented
        if (prompt.isEmpty()) {
            throw ApiException.invalidRequest("Invalid 'prompt': string too short. Expected a string with minimum length 1,"
                    + " but got an empty string instead.", "prompt", "string_below_min_length");
        }
        if (prompt.length() > MAX_PROMPT_LENGTH) {
            throw ApiException.invalidRequest("Invalid 'prompt': string too long. Expected a string with maximum length "
                    + MAX_PROMPT_LENGTH + ", but got a string with length " + prompt.length() + " instead.", "prompt",
                    "string_above_max_length");
        }
        String model = request.model() == null ? VideoModels.DEFAULT_MODEL : request.model();
        if (!VideoModels.isKnownModel(model)) {
            throw ApiException.invalidValue("model", model, VideoModels.quotedList(VideoModels.models()));
        }
        String seconds = request.seconds() == null ? VideoModels.DEFAULT_SECONDS : request.seconds();
        if (!VideoModels.SECONDS.contains(seconds)) {
            throw ApiException.invalidValue("seconds", seconds, VideoModels.quotedList(VideoModels.SECONDS));
        }
        String size = request.size() == null ? VideoModels.DEFAULT_SIZE : request.size();
        if (!VideoModels.allSizes().contains(size)) {
            throw ApiException.invalidValue("size", size, VideoModels.quotedList(VideoModels.allSizes()));
        }
        if (!VideoModels.sizesFor(model).contains(size)) {
            throw ApiException.invalidRequest("Invalid value: '" + size + "'. Supported values for model '" + model
                    + "' are: " + VideoModels.quotedList(VideoModels.sizesFor(model)) + ".", "size", "invalid_value");
        }
        FrameSize frame = FrameSize.parse(size);
        if (request.referenceImage() != null) {
            checkReferenceImage(request.referenceImage(), frame);
        }
        return new VideoSpec(prompt, model, frame, Integer.parseInt(seconds));
    }

    /** The reference becomes the first frame, so it must be JPEG/PNG/WebP of exactly the requested size. */
    private static void checkReferenceImage(byte[] image, FrameSize frame) throws ApiException {
        ImageInfo info = ImageInfo.read(image);
        if (info == null) {
            throw ApiException.invalidRequest("Invalid file format for 'input_reference'. Supported formats are:"
                    + " 'image/jpeg', 'image/png', and 'image/webp'.", "input_reference", "unsupported_file_format");
        }
        if (info.width() != frame.width() || info.height() != frame.height()) {
            throw ApiException.invalidRequest("Inpaint image must match the requested width and height",
                    "input_reference", null);
        }
    }
}
