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

import java.nio.file.Path;

/** A sora component pointed at a simulator, as most tests need it. */
public final class TestSora {

    private TestSora() {
    }

    public static SoraComponent component(String baseUrl, String apiKey, Path output, long pollDelay) {
        SoraComponent sora = new SoraComponent();
        sora.getConfiguration().setBaseUrl(baseUrl);
        sora.getConfiguration().setApiKey(apiKey);
        sora.getConfiguration().setOutputDirectory(output.toString());
        sora.getConfiguration().setPollDelay(pollDelay);
        return sora;
    }

    public static SoraComponent component(String baseUrl, String apiKey, Path output, long pollDelay,
            long maxPollDelay) {
        SoraComponent sora = component(baseUrl, apiKey, output, pollDelay);
        sora.getConfiguration().setMaxPollDelay(maxPollDelay);
        return sora;
    }
}
