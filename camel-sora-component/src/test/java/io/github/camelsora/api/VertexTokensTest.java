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

import java.time.Duration;
import java.util.Date;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where Vertex AI's token comes from: the configured one as it is; Application Default Credentials answered from the
 * cache without waiting while the token is fresh, and still answered at once (while a refresh starts on its own
 * thread) when it is near its expiry, so a job's wait never blocks on a refresh.
 */
class VertexTokensTest {

    @Test
    void aConfiguredTokenIsUsedAsItIs() {
        ClientSettings settings = new ClientSettings("https://us-central1-aiplatform.googleapis.com/v1/projects/p"
                + "/locations/us-central1", "Authorization", "Bearer ya29.configured", Duration.ofSeconds(5),
                Duration.ofSeconds(5), 4);

        CompletableFuture<String> token = VertexClient.TokenSource.of(settings).token();

        assertThat(token).isCompletedWithValue("ya29.configured");
    }

    @Test
    void aFreshTokenIsAnsweredFromTheCacheAndANearlyExpiredOneWithoutWaiting() {
        assertThat(GoogleAdcTokens.available()).isTrue(); // google-auth-library is on the test class path
        GoogleAdcTokens tokens = new GoogleAdcTokens();
        tokens.set("ya29.fresh", new Date(System.currentTimeMillis() + Duration.ofMinutes(30).toMillis()));
        assertThat(tokens.token()).isCompletedWithValue("ya29.fresh");

        // two minutes left: still valid, answered at once; the refresh runs in the background
        tokens.set("ya29.ageing", new Date(System.currentTimeMillis() + Duration.ofMinutes(2).toMillis()));
        assertThat(tokens.token()).isCompletedWithValue("ya29.ageing");
    }
}
