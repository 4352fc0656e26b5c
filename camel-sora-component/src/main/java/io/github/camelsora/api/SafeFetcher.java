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

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches a resource the component downloads on its own (for example a reference image named by URL) without
 * letting the URL turn the component against its own network: https only, public addresses only, a size cap and a
 * deadline, each redirect checked like the first URL. The address check happens in the DNS resolver the
 * connection uses, so a name that resolves to a public address when checked and to an internal one when connected
 * (DNS rebinding) is still refused. No credential is ever sent.
 * <p>
 * One instance holds one HTTP client with a single I/O thread; share it.
 */
public final class SafeFetcher implements AutoCloseable {

    private static final AtomicInteger FETCHERS = new AtomicInteger();

    private final FetchPolicy policy;
    private final CloseableHttpAsyncClient http;
    private final ScheduledThreadPoolExecutor deadlines;

    public SafeFetcher(FetchPolicy policy) {
        this.policy = policy;
        PoolingAsyncClientConnectionManagerBuilder pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setDnsResolver(new CheckingResolver(policy.allowInternalAddresses()))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(policy.timeout()))
                        .setSocketTimeout(Timeout.of(policy.timeout()))
                        .build());
        if (policy.sslContext() != null) {
            pool.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(policy.sslContext()).build());
        }
        int number = FETCHERS.incrementAndGet();
        this.deadlines = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "sora-fetch-deadline-" + number);
            thread.setDaemon(true);
            return thread;
        });
        this.deadlines.setRemoveOnCancelPolicy(true);
        this.http = HttpAsyncClients.custom()
                .setConnectionManager(pool.build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(policy.timeout())).build())
                .setThreadFactory(runnable -> {
                    Thread thread = new Thread(runnable, "sora-fetch-" + number);
                    thread.setDaemon(true);
                    return thread;
                })
                .setIoSessionDecorator(session -> session)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("camel-sora/0.1")
                .build();
        this.http.start();
    }

    public FetchPolicy policy() {
        return policy;
    }

    /** Fetches {@code url} whole; fails with {@link SoraFetchException} saying why when it may not or cannot. */
    public CompletableFuture<FetchedResource> fetch(String url) {
        CompletableFuture<FetchedResource> result = new CompletableFuture<>();
        URI uri;
        try {
            uri = check(url, url);
        } catch (SoraFetchException e) {
            result.completeExceptionally(e);
            return result;
        }
        AtomicReference<Future<BufferedResponseConsumer.Result>> inFlight = new AtomicReference<>();
        get(url, uri, 0, result, inFlight);
        // one scheduler thread, and the deadline is dropped when the fetch ends (CompletableFuture.delayedExecutor
        // would start a thread per fetch on machines with 2 cores or fewer)
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            if (result.completeExceptionally(new SoraFetchException(url, "timeout",
                    "not complete within " + policy.timeout()))) {
                Future<?> current = inFlight.get();
                if (current != null) {
                    current.cancel(true);
                }
            }
        }, policy.timeout().toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((fetched, error) -> deadline.cancel(false));
        return result;
    }

    private void get(String original, URI uri, int redirects, CompletableFuture<FetchedResource> result,
                     AtomicReference<Future<BufferedResponseConsumer.Result>> inFlight) {
        if (result.isDone()) {
            return;
        }
        SimpleHttpRequest request = SimpleRequestBuilder.get(uri).build();
        request.setHeader("Accept", "image/*, */*;q=0.5");
        inFlight.set(http.execute(SimpleRequestProducer.create(request), new BufferedResponseConsumer(policy.maxBytes()),
                null, new FutureCallback<>() {
                    @Override
                    public void completed(BufferedResponseConsumer.Result response) {
                        try {
                            if (VideosClient.isRedirect(response.status()) && response.location() != null) {
                                if (redirects >= policy.maxRedirects()) {
                                    throw new SoraFetchException(original, "too_many_redirects",
                                            "more than " + policy.maxRedirects() + " redirects");
                                }
                                URI next = check(original, uri.resolve(new URI(response.location().trim())).toString());
                                if ("https".equalsIgnoreCase(uri.getScheme())
                                    && !"https".equalsIgnoreCase(next.getScheme())) {
                                    throw new SoraFetchException(original, "insecure_scheme",
                                            "refusing a redirect from https to " + next.getScheme());
                                }
                                get(original, next, redirects + 1, result, inFlight);
                                return;
                            }
                            if (response.status() < 200 || response.status() >= 300) {
                                throw new SoraFetchException(original, "http_status",
                                        "the server answered HTTP " + response.status());
                            }
                            result.complete(new FetchedResource(uri, response.contentType(), response.body()));
                        } catch (URISyntaxException | IllegalArgumentException e) {
                            result.completeExceptionally(new SoraFetchException(original, "invalid_url",
                                    "the redirect location is not a valid URI"));
                        } catch (SoraFetchException e) {
                            result.completeExceptionally(e);
                        }
                    }

                    @Override
                    public void failed(Exception e) {
                        result.completeExceptionally(failure(original, e));
                    }

                    @Override
                    public void cancelled() {
                        result.completeExceptionally(new SoraFetchException(original, "transport", "cancelled"));
                    }
                }));
    }

    private static SoraFetchException failure(String url, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BlockedAddressException blocked) {
                return new SoraFetchException(url, "internal_address", blocked.getMessage());
            }
            if (t instanceof ResponseTooLargeException tooLarge) {
                return new SoraFetchException(url, "too_large", tooLarge.getMessage());
            }
        }
        return new SoraFetchException(url, "transport", e.getClass().getSimpleName()
                                                        + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    }

    /** Scheme and shape of a URL; the address itself is checked when it is resolved for the connection. */
    private URI check(String original, String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw new SoraFetchException(original, "invalid_url", "not a valid URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && policy.allowHttp())) {
            throw new SoraFetchException(original, "insecure_scheme",
                    "only https URLs are fetched" + (scheme.equals("http") ? " (allowHttp is off)" : ""));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new SoraFetchException(original, "invalid_url", "the URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new SoraFetchException(original, "invalid_url", "URLs with credentials are not fetched");
        }
        InetAddress literal = Addresses.literal(uri.getHost());
        if (literal != null && !policy.allowInternalAddresses() && Addresses.isInternal(literal)) {
            throw new SoraFetchException(original, "internal_address",
                    literal.getHostAddress() + " is a loopback, private or link-local address");
        }
        return uri;
    }

    /** Thrown by the resolver for an internal address; recognised in the failure's causes. */
    static final class BlockedAddressException extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        BlockedAddressException(String message) {
            super(message);
        }
    }

    /** Resolves as the system does, then drops internal addresses; none left means the connection is refused. */
    static final class CheckingResolver extends SystemDefaultDnsResolver {
        private final boolean allowInternal;

        CheckingResolver(boolean allowInternal) {
            this.allowInternal = allowInternal;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] all = super.resolve(host);
            if (allowInternal) {
                return all;
            }
            InetAddress[] external = Arrays.stream(all).filter(a -> !Addresses.isInternal(a))
                    .toArray(InetAddress[]::new);
            if (external.length == 0) {
                throw new BlockedAddressException(host + " resolves only to loopback, private or link-local addresses"
                                                  + " " + Arrays.toString(all));
            }
            return external;
        }
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
        deadlines.shutdownNow();
    }
}
