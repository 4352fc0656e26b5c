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

import java.util.List;

/**
 * The configured server is one that has been switched off (OpenAI's own /v1/videos since 2026-09-24, Azure OpenAI's
 * last sora-2 deployment since 2026-10-15). Thrown before anything is sent, naming the alternatives.
 */
public class SoraRetiredEndpointException extends SoraException {

    private final String provider;
    private final String retiredOn;
    private final List<String> alternatives;

    public SoraRetiredEndpointException(String provider, String baseUrl, String retiredOn, List<String> alternatives) {
        super("Provider '" + provider + "' at " + baseUrl + " was retired on " + retiredOn
              + ": its video endpoint and the Sora 2 models were switched off there, so every call would fail."
              + " Use a live provider: provider=" + String.join(", provider=", alternatives)
              + " (with its baseUrl); or set allowRetiredEndpoint=true if you know this endpoint still answers.",
              null);
        this.provider = provider;
        this.retiredOn = retiredOn;
        this.alternatives = List.copyOf(alternatives);
    }

    public String getProvider() {
        return provider;
    }

    public String getRetiredOn() {
        return retiredOn;
    }

    public List<String> getAlternatives() {
        return alternatives;
    }
}
