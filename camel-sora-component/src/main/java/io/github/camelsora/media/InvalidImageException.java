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
package io.github.camelsora.media;

/** Bytes that should be a reference image are not a usable JPEG, PNG or WebP. */
public class InvalidImageException extends InvalidMediaException {

    /** Why the image was refused. */
    public enum Reason {
        /** Not JPEG, PNG or WebP (by magic bytes; a declared type or file name does not count). */
        UNSUPPORTED_FORMAT,
        /** The data ends before the header says what the image is. */
        TRUNCATED,
        /** The header is malformed. */
        CORRUPT,
        /** The header declares more pixels than any reference image needs (a decompression bomb). */
        TOO_LARGE
    }

    private final Reason reason;

    public InvalidImageException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}
