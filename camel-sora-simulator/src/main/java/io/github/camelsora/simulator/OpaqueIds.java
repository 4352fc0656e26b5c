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

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The LiteLLM proxy's id rewriting: a backend id becomes {@code <prefix>_<base64(routing info + id)>}, so a client
 * can only treat ids as opaque tokens. Standard base64 (with {@code +}, {@code /} and {@code =}), as the proxy does.
 */
final class OpaqueIds {

    private static final String ROUTING = "litellm:custom_llm_provider:openai;model_id:sora-sim;video_id:";

    private OpaqueIds() {
    }

    static String encode(String id) {
        int underscore = id.indexOf('_');
        String prefix = underscore > 0 ? id.substring(0, underscore) : "video";
        return prefix + "_" + Base64.getEncoder().encodeToString((ROUTING + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The backend id of an opaque one; ids that are not opaque come back unchanged (and then are not found). */
    static String decode(String id) {
        int underscore = id.indexOf('_');
        if (underscore < 0) {
            return id;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(id.substring(underscore + 1)), StandardCharsets.UTF_8);
            return decoded.startsWith(ROUTING) ? decoded.substring(ROUTING.length()) : id;
        } catch (IllegalArgumentException notBase64) {
            return id;
        }
    }
}
