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

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;

/**
 * OAuth2 access tokens from Google Application Default Credentials (google-auth-library: the
 * GOOGLE_APPLICATION_CREDENTIALS file, gcloud's user credentials, the metadata server on Google Cloud), with the
 * {@code cloud-platform} scope Vertex AI asks for. Loaded only when google-auth-library is on the class path (an
 * optional dependency of camel-sora).
 * <p>
 * {@link #token()} never blocks: a token with more than {@link #REFRESH_AHEAD} left is answered at once; one that is
 * nearer its expiry is still answered while a refresh starts in the background; only a missing or expired token
 * makes the request wait, asynchronously, for the refresh in flight. Refreshes (which may do network I/O) run on one
 * daemon thread shared by every Vertex endpoint of the JVM, never on a job's timer or I/O thread.
 */
final class GoogleAdcTokens implements VertexClient.TokenSource {

    /** A token is refreshed when it has less than this left. */
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);
    private static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";
    private static final ExecutorService REFRESHER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sora-google-token-refresh");
        thread.setDaemon(true);
        return thread;
    });

    private GoogleCredentials credentials;
    private AccessToken current;
    private CompletableFuture<String> refreshing;

    /** Whether google-auth-library is on the class path. */
    static boolean available() {
        try {
            Class.forName("com.google.auth.oauth2.GoogleCredentials", false, GoogleAdcTokens.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public synchronized CompletableFuture<String> token() {
        Instant now = Instant.now();
        AccessToken token = current;
        boolean valid = token != null && (token.getExpirationTime() == null
                || token.getExpirationTime().toInstant().isAfter(now.plusSeconds(30)));
        boolean fresh = valid && (token.getExpirationTime() == null
                || token.getExpirationTime().toInstant().isAfter(now.plus(REFRESH_AHEAD)));
        if (fresh) {
            return CompletableFuture.completedFuture(token.getTokenValue());
        }
        CompletableFuture<String> refresh = refreshing;
        if (refresh == null) {
            refresh = CompletableFuture.supplyAsync(this::refresh, REFRESHER);
            refreshing = refresh;
            refresh.whenComplete((t, e) -> {
                synchronized (this) {
                    refreshing = null;
                }
            });
        }
        return valid ? CompletableFuture.completedFuture(token.getTokenValue()) : refresh;
    }

    private String refresh() {
        try {
            GoogleCredentials source;
            synchronized (this) {
                if (credentials == null) {
                    credentials = GoogleCredentials.getApplicationDefault().createScoped(SCOPE);
                }
                source = credentials;
            }
            source.refresh();
            AccessToken token = source.getAccessToken();
            if (token == null) {
                throw new IOException("the credentials gave no access token");
            }
            synchronized (this) {
                current = token;
            }
            return token.getTokenValue();
        } catch (IOException e) {
            throw new SoraException("Cannot get a Google access token from Application Default Credentials: "
                                    + e.getMessage() + " (or set accessToken)", null, e);
        }
    }

    /** For tests: a token as if just refreshed. */
    synchronized void set(String value, Date expires) {
        current = new AccessToken(value, expires);
    }
}
