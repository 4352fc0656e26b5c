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

import java.io.File;

/** {@link Mp4Assertions} for tests in other packages. */
public final class Mp4AssertionsAccess {

    private Mp4AssertionsAccess() {
    }

    public static void assertPlayableMp4(File file, int width, int height, double seconds) throws Exception {
        Mp4Assertions.assertPlayableMp4(file, width, height, seconds);
    }
}
