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

import java.util.Objects;

/**
 * The image a video starts from ({@code input_reference}): uploaded bytes (sent as a multipart file part with a
 * file name and content type), or a reference the server resolves itself (sent in the JSON object form).
 */
public sealed interface InputReference {

    /** Image bytes, already checked and of the requested size; sent as multipart. */
    record Upload(byte[] bytes, String filename, String contentType) implements InputReference {
        public Upload {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(contentType, "contentType");
        }

        @Override
        public String toString() {
            return "Upload[" + filename + ", " + contentType + ", " + bytes.length + " bytes]";
        }
    }

    /** A file uploaded earlier through the Files API: {@code {"file_id": "..."}}. */
    record FileId(String fileId) implements InputReference {
        public FileId {
            Objects.requireNonNull(fileId, "fileId");
        }
    }

    /** An https URL of an image the server fetches: {@code {"image_url": "..."}}. */
    record ImageUrl(String imageUrl) implements InputReference {
        public ImageUrl {
            Objects.requireNonNull(imageUrl, "imageUrl");
        }
    }
}
