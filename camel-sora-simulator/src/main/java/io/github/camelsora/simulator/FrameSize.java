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

/** A video size such as {@code 1280x720} (width x height). */
record FrameSize(int width, int height) {

    /** Parses {@code WxH}; returns null when the text is not of that form. */
    static FrameSize parse(String text) {
        int x = text.indexOf('x');
        if (x <= 0 || x == text.length() - 1) {
            return null;
        }
        try {
            return new FrameSize(Integer.parseInt(text.substring(0, x)), Integer.parseInt(text.substring(x + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
