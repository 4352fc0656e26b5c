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

import java.util.concurrent.CompletableFuture;

/**
 * Fetches a resource the component downloads on its own (for example a reference image named by URL) without
 * letting the URL turn the component against its own network: https only, public addresses only, a size cap and a
 * deadline, each redirect checked like the first URL, never a credential. The rules live in
 * {@link HttpTransport#fetch}; this binds them to one {@link FetchPolicy}.
 */
public final class SafeFetcher implements AutoCloseable {

    private final FetchPolicy policy;
    private final HttpTransport transport;
    private final boolean ownsTransport;

    /** A fetcher over the component's shared transport. */
    public SafeFetcher(FetchPolicy policy, HttpTransport transport) {
        this(policy, transport, false);
    }

    /** A fetcher with a transport of its own (closed with it), for use outside the component. */
    public SafeFetcher(FetchPolicy policy) {
        this(policy, HttpTransport.standalone(new HttpTransport.Key(policy.sslContext(), null, 0, null, null,
                policy.timeout(), 4)), true);
    }

    private SafeFetcher(FetchPolicy policy, HttpTransport transport, boolean ownsTransport) {
        this.policy = policy;
        this.transport = transport;
        this.ownsTransport = ownsTransport;
    }

    public FetchPolicy policy() {
        return policy;
    }

    /** Fetches {@code url} whole; fails with {@link SoraFetchException} saying why when it may not or cannot. */
    public CompletableFuture<FetchedResource> fetch(String url) {
        return transport.fetch(url, policy);
    }

    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }
}
