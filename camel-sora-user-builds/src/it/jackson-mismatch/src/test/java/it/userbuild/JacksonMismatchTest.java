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
package it.userbuild;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JacksonMismatchTest {

    @Test
    void theComponentRefusesToStartAndNamesTheArtifacts() throws Exception {
        assertEquals("2.16.1", Classpath.jacksonCore());
        Main main = WebhookRun.main(WebhookRun.freePort(), new CompletableFuture<>());
        Exception failure = assertThrows(Exception.class, main::start);
        main.stop();
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        String text = messages.toString();
        System.out.println("[user build] " + text);
        assertTrue(text.contains("com.fasterxml.jackson.core:jackson-core 2.16.1"), text);
        assertTrue(text.contains("com.fasterxml.jackson.core:jackson-databind 2.19"), text);
    }
}
