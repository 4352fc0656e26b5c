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

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP transport of the component, over HttpClient 5's asynchronous client. One instance per TLS and proxy
 * setting ({@link Key}), shared by every endpoint, server and key that uses that setting: credentials travel with
 * each request ({@link Auth}), never with the client, so threads do not grow with keys or endpoints.
 * <ul>
 * <li>Provider requests ({@link #execute}): the credential only to the origin it belongs to; GETs follow redirects
 * (at most {@value #MAX_REDIRECTS}, never from https to http, plain http only to loopback unless allowed); other
 * methods never do, so a billable POST is never sent twice.</li>
 * <li>URLs that are not the provider's ({@link #fetch}): the safe-fetch rules of {@link FetchPolicy}: no credential,
 * https only, no internal address (checked in the DNS resolver the connection uses, so DNS rebinding is refused too),
 * a size cap, each redirect checked like the first URL. They go through a second client, created on first use,
 * because the address check lives in its connection pool's resolver.</li>
 * <li>Every request has a deadline ({@link Deadline} capped by its own timeout) kept on the shared timer; when it
 * passes, the request in flight is cancelled and its connection dropped, however slowly the server keeps
 * sending.</li>
 * </ul>
 * I/O threads come from the given thread factory (Camel's ExecutorServiceManager in the component) and deadlines
 * run on the given timer; {@link #standalone} makes both for use outside Camel.
 */
public final class HttpTransport implements AutoCloseable {

    private static final String USER_AGENT = "camel-sora/0.1";
    /**
     * Per-connection read and write buffer. With HttpClient's 8 KiB default a 1 GiB download reached about
     * 650 MiB/s on loopback, with 64 KiB about 930, close to curl (docs/benchmarks.md).
     */
    private static final int IO_BUFFER_BYTES = 64 * 1024;
    /** Redirects followed for one provider GET; a loop ends here. */
    public static final int MAX_REDIRECTS = 5;

    /**
     * What makes two clients different: TLS, proxy, connect timeout and pool size. Credentials, base URLs and
     * request timeouts are not part of it.
     */
    public record Key(SSLContext sslContext, String proxyHost, int proxyPort, String proxyUsername,
                      String proxyPassword, Duration connectTimeout, int maxConnections) {

        public static Key of(TransportSettings transport, Duration connectTimeout, int maxConnections) {
            return new Key(transport.sslContext(), transport.proxyHost(), transport.proxyPort(),
                    transport.proxyUsername(), transport.proxyPassword(), connectTimeout, maxConnections);
        }

        @Override
        public String toString() {
            return "HttpTransport.Key[tls=" + (sslContext == null ? "default" : sslContext.getProtocol()) + ", proxy="
                   + (proxyHost == null ? "none" : proxyHost + ":" + proxyPort) + ", connectTimeout=" + connectTimeout
                   + ", maxConnections=" + maxConnections + "]";
        }
    }

    /** A credential and the only origin (scheme, host, port) it may be sent to. */
    public record Auth(String header, String value, URI origin) {
        @Override
        public String toString() {
            return "Auth[header=" + header + ", value=***, origin=" + origin + "]";
        }
    }

    /**
     * One provider request.
     *
     * @param allowInsecureHttp whether a redirect may lead to plain http on a host that is not loopback
     */
    public record Request(String method, URI uri, byte[] body, ContentType bodyType, String accept, Auth auth,
                          boolean allowInsecureHttp) {
        public boolean followsRedirects() {
            return "GET".equals(method);
        }
    }

    private static final AtomicInteger TRANSPORTS = new AtomicInteger();

    private final Key key;
    private final ThreadFactory threads;
    private final ScheduledExecutorService timer;
    private final boolean ownsTimer;
    private final CloseableHttpAsyncClient http;
    private final CloseableHttpAsyncClient[] foreign = new CloseableHttpAsyncClient[2];

    public HttpTransport(Key key, ThreadFactory threads, ScheduledExecutorService timer) {
        this(key, threads, timer, false);
    }

    private HttpTransport(Key key, ThreadFactory threads, ScheduledExecutorService timer, boolean ownsTimer) {
        this.key = key;
        this.threads = threads;
        this.timer = timer;
        this.ownsTimer = ownsTimer;
        this.http = build(false, false);
    }

    /** A transport with its own daemon threads and timer, for use outside Camel (tests, tools). */
    public static HttpTransport standalone(Key key) {
        int number = TRANSPORTS.incrementAndGet();
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                daemonThreads("sora-transport-" + number + "-timer"));
        timer.setRemoveOnCancelPolicy(true);
        return new HttpTransport(key, daemonThreads("sora-transport-" + number + "-io"), timer, true);
    }

    public Key key() {
        return key;
    }

    private CloseableHttpAsyncClient build(boolean guarded, boolean allowInternal) {
        PoolingAsyncClientConnectionManagerBuilder pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(guarded ? 4 : key.maxConnections())
                .setMaxConnTotal(guarded ? 16 : key.maxConnections() * 2)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(key.connectTimeout()))
                        .build())
                // HTTP/1.1 only: its header log prints our masked header, where HTTP/2 would copy the value
                .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build());
        if (guarded) {
            pool.setDnsResolver(new CheckingResolver(allowInternal));
        }
        if (key.sslContext() != null) {
            pool.setTlsStrategy(ClientTlsStrategyBuilder.create()
                    .setSslContext(key.sslContext())
                    .setTlsVersions(TLS.V_1_3, TLS.V_1_2)
                    .build());
        }
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(pool.build())
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(guarded ? 1 : Math.min(2, Runtime.getRuntime().availableProcessors()))
                        .build())
                .setHttp1Config(Http1Config.custom().setBufferSize(IO_BUFFER_BYTES).build())
                .setThreadFactory(threads)
                // the wire log would print the bytes of the Authorization header: never decorate sessions with it
                .setIoSessionDecorator(session -> session)
                // redirects are followed here, where the credential can be withheld from other hosts
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(USER_AGENT);
        if (key.proxyHost() != null) {
            HttpHost proxy = new HttpHost(key.proxyHost(), key.proxyPort());
            builder.setProxy(proxy);
            if (key.proxyUsername() != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(proxy), new UsernamePasswordCredentials(key.proxyUsername(),
                        key.proxyPassword() == null ? new char[0] : key.proxyPassword().toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        CloseableHttpAsyncClient client = builder.build();
        client.start();
        return client;
    }

    private synchronized CloseableHttpAsyncClient foreignClient(boolean allowInternal) {
        int index = allowInternal ? 1 : 0;
        if (foreign[index] == null) {
            foreign[index] = build(true, allowInternal);
        }
        return foreign[index];
    }

    // ---- provider requests ----

    /**
     * Sends one logical provider request and completes with the consumer's result: redirects followed for GETs,
     * the credential only to its origin, the whole exchange within {@code deadline.cap(timeout)}.
     *
     * @throws SoraApiException       (in the future) for a refused redirect or a body over the consumer's cap
     * @throws SoraTransportException (in the future) for no complete answer: refused, reset, deadline passed
     */
    public <R extends HttpOutcome> CompletableFuture<R> execute(Request request,
            Supplier<AsyncResponseConsumer<R>> consumers, String operation, String videoId, Duration timeout,
            Deadline deadline) {
        Duration limit = deadline.cap(timeout);
        JobScope scope = JobScope.current();
        RequestObserver.Call observed = observe(scope, operation, request.method(), request.uri(), videoId);
        CompletableFuture<R> result = new CompletableFuture<>();
        AtomicReference<Future<R>> inFlight = new AtomicReference<>();
        withDeadline(result, inFlight, limit, () -> new SoraTransportException(operation + " failed: no complete"
                + " response within " + limit + ("POST".equals(request.method())
                        ? "; the request may have reached the server and was not repeated" : ""),
                videoId, new TimeoutException("deadline " + limit)));
        hop(request, request.uri(), consumers, operation, videoId, 0, result, inFlight, observed.headers());
        return completedInScope(result, scope, observed);
    }

    /** Starts observing a request; an observer that fails is ignored (observation never fails a request). */
    private static RequestObserver.Call observe(JobScope scope, String operation, String method, URI uri,
            String videoId) {
        try {
            RequestObserver.Call call = scope.observer().start(operation, method, uri, videoId);
            return call == null ? RequestObserver.Call.NONE : call;
        } catch (RuntimeException e) {
            return RequestObserver.Call.NONE;
        }
    }

    /**
     * The request's future as the caller sees it: the observation ended first, then completed inside the scope the
     * request was sent in, so that what continues on the I/O thread logs with the exchange's MDC.
     */
    private static <R extends HttpOutcome> CompletableFuture<R> completedInScope(CompletableFuture<R> result,
            JobScope scope, RequestObserver.Call observed) {
        CompletableFuture<R> answer = new CompletableFuture<>();
        result.whenComplete((response, error) -> {
            try {
                observed.end(response == null ? -1 : response.status(), error);
            } catch (RuntimeException ignored) {
                // observation never fails a request
            }
            scope.run(() -> {
                if (error != null) {
                    answer.completeExceptionally(error);
                } else {
                    answer.complete(response);
                }
            });
        });
        return answer;
    }

    private <R extends HttpOutcome> void hop(Request request, URI uri, Supplier<AsyncResponseConsumer<R>> consumers,
            String operation, String videoId, int hops, CompletableFuture<R> result,
            AtomicReference<Future<R>> inFlight, Map<String, String> traceHeaders) {
        if (result.isDone()) {
            return;
        }
        SimpleHttpRequest http = SimpleRequestBuilder.create(request.method()).setUri(uri).build();
        if (request.body() != null) {
            http.setBody(request.body(), request.bodyType());
        }
        http.setHeader("Accept", request.accept());
        traceHeaders.forEach(http::setHeader);
        Auth auth = request.auth();
        if (auth != null && auth.value() != null && sameOrigin(uri, auth.origin())) {
            http.setHeader(new MaskedHeader(auth.header(), auth.value()));
        }
        send(this.http, http, consumers.get(), result, inFlight, response -> {
            if (request.followsRedirects() && isRedirect(response.status()) && response.location() != null) {
                URI next = redirect(uri, response.location(), hops, MAX_REDIRECTS, request.allowInsecureHttp()
                        || Addresses.isLoopbackHost(host(response.location(), uri)), response.status());
                hop(request, next, consumers, operation, videoId, hops + 1, result, inFlight, traceHeaders);
                return;
            }
            result.complete(response);
        }, e -> {
            if (e instanceof RedirectRefused refused) {
                return new SoraApiException(operation, refused.status, new ApiError(refused.getMessage(), null, null,
                        refused.code), null, videoId);
            }
            if (e instanceof ResponseTooLargeException tooLarge) {
                return new SoraApiException(operation, tooLarge.status(), new ApiError(e.getMessage(), null, null,
                        "response_too_large"), null, videoId);
            }
            return transportFailure(operation, videoId, e);
        });
    }

    // ---- URLs that are not the provider's ----

    /**
     * Fetches {@code url} whole under the safe-fetch rules; fails with {@link SoraFetchException} saying why when it
     * may not or cannot. No credential is ever sent.
     */
    public CompletableFuture<FetchedResource> fetch(String url, FetchPolicy policy) {
        AtomicReference<URI> last = new AtomicReference<>();
        return foreign("fetch", url, policy, "image/*, */*;q=0.5", () -> new BufferedResponseConsumer(policy.maxBytes()),
                Deadline.NONE, last)
                .thenApply(r -> new FetchedResource(last.get(), r.contentType(), r.body()));
    }

    /**
     * Streams {@code url} into {@code file} under the safe-fetch rules (a result a provider names by URL, on a host
     * that is not the provider's): no credential, https only, no internal address unless allowed, at most
     * {@code policy.maxBytes()}, within {@code policy.timeout()} and {@code deadline}; a JSON or text body where
     * media was expected, a short body or an error status fails with {@link SoraFetchException}, and {@code file}
     * is deleted on any failure.
     */
    public CompletableFuture<Download> download(String url, FetchPolicy policy, Path file, Deadline deadline) {
        AtomicReference<URI> last = new AtomicReference<>();
        return foreign("download result", url, policy, "*/*", () -> new FileResponseConsumer(file, policy.maxBytes()), deadline, last)
                .thenApply(r -> {
                    if (r.error() != null) {
                        throw new SoraFetchException(url, "unexpected_content_type", "expected media but the server"
                                                                                    + " sent " + r.contentType());
                    }
                    if (r.declaredLength() != null && r.declaredLength() != r.bytes()) {
                        throw new SoraFetchException(url, "truncated_body", "the body ended after " + r.bytes()
                                                                            + " of " + r.declaredLength() + " bytes");
                    }
                    return new Download(file, r.bytes(), r.contentType(), r.requestId());
                })
                .whenComplete((d, error) -> {
                    if (error != null) {
                        FileResponseConsumer.deleteQuietly(file);
                    }
                });
    }

    private <R extends HttpOutcome> CompletableFuture<R> foreign(String operation, String url, FetchPolicy policy,
            String accept, Supplier<AsyncResponseConsumer<R>> consumers, Deadline deadline,
            AtomicReference<URI> last) {
        CompletableFuture<R> result = new CompletableFuture<>();
        URI uri;
        try {
            uri = checkForeign(url, url, policy);
        } catch (SoraFetchException e) {
            result.completeExceptionally(e);
            return result;
        }
        Duration limit = deadline.cap(policy.timeout());
        JobScope scope = JobScope.current();
        RequestObserver.Call observed = observe(scope, operation, "GET", uri, null);
        AtomicReference<Future<R>> inFlight = new AtomicReference<>();
        CompletableFuture<R> sent = new CompletableFuture<>();
        withDeadline(sent, inFlight, limit,
                () -> new SoraFetchException(url, "timeout", "not complete within " + limit));
        fetchHop(url, uri, policy, accept, consumers, 0, sent, inFlight, last, observed.headers());
        completedInScope(sent, scope, observed).whenComplete((r, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else if (r.status() < 200 || r.status() >= 300) {
                result.completeExceptionally(new SoraFetchException(url, "http_status", r.status(),
                        "the server answered HTTP " + r.status(), null, null));
            } else {
                result.complete(r);
            }
        });
        return result;
    }

    private <R extends HttpOutcome> void fetchHop(String original, URI uri, FetchPolicy policy, String accept,
            Supplier<AsyncResponseConsumer<R>> consumers, int hops, CompletableFuture<R> result,
            AtomicReference<Future<R>> inFlight, AtomicReference<URI> last, Map<String, String> traceHeaders) {
        if (result.isDone()) {
            return;
        }
        last.set(uri);
        SimpleHttpRequest request = SimpleRequestBuilder.get(uri).build();
        request.setHeader("Accept", accept);
        traceHeaders.forEach(request::setHeader);
        send(foreignClient(policy.allowInternalAddresses()), request, consumers.get(), result, inFlight, response -> {
            if (isRedirect(response.status()) && response.location() != null) {
                URI next = redirect(uri, response.location(), hops, policy.maxRedirects(), policy.allowHttp(),
                        response.status());
                fetchHop(original, checkForeign(original, next.toString(), policy), policy, accept, consumers,
                        hops + 1, result, inFlight, last, traceHeaders);
                return;
            }
            result.complete(response);
        }, e -> foreignFailure(original, e));
    }

    /** Scheme and shape of a URL; the address itself is checked when it is resolved for the connection. */
    static URI checkForeign(String original, String url, FetchPolicy policy) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw new SoraFetchException(original, "invalid_url", "not a valid URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && policy.allowHttp())) {
            throw new SoraFetchException(original, "insecure_scheme",
                    "only https URLs are fetched" + (scheme.equals("http") ? " (plain http to a local or intranet host a"
                            + " provider names needs allowInternalProviderUrls=true)" : ""));
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

    private static SoraFetchException foreignFailure(String url, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SoraFetchException fetch) {
                return fetch;
            }
            if (t instanceof BlockedAddressException blocked) {
                return new SoraFetchException(url, "internal_address", blocked.getMessage());
            }
            if (t instanceof ResponseTooLargeException tooLarge) {
                return new SoraFetchException(url, "too_large", tooLarge.getMessage());
            }
            if (t instanceof RedirectRefused refused) {
                return new SoraFetchException(url, refused.code.replace("invalid_redirect", "invalid_url")
                        .replace("insecure_redirect", "insecure_scheme"), refused.getMessage());
            }
        }
        return new SoraFetchException(url, "transport", e.getClass().getSimpleName()
                                                        + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    }

    // ---- shared: one request on a client, one redirect rule, one deadline mechanism ----

    private interface OnResponse<R> {
        void accept(R response);
    }

    private static <R> void send(CloseableHttpAsyncClient client, SimpleHttpRequest request,
            AsyncResponseConsumer<R> consumer, CompletableFuture<R> result, AtomicReference<Future<R>> inFlight,
            OnResponse<R> onResponse, java.util.function.Function<Exception, ? extends Throwable> onFailure) {
        Future<R> future = client.execute(SimpleRequestProducer.create(request), consumer, null,
                new FutureCallback<>() {
            @Override
            public void completed(R response) {
                try {
                    onResponse.accept(response);
                } catch (RuntimeException e) {
                    result.completeExceptionally(e instanceof RedirectRefused ? onFailure.apply(e) : e);
                }
            }

            @Override
            public void failed(Exception e) {
                result.completeExceptionally(onFailure.apply(e));
            }

            @Override
            public void cancelled() {
                // only our deadline cancels, and it has completed the result already
                result.completeExceptionally(onFailure.apply(new java.util.concurrent.CancellationException(
                        "cancelled")));
            }
        });
        inFlight.set(future);
        if (result.isDone()) {
            future.cancel(true); // the deadline passed while the request was being handed over
        }
    }

    /** Fails {@code result} when {@code limit} passes and cancels the request then in flight. */
    private <R> void withDeadline(CompletableFuture<R> result, AtomicReference<? extends Future<?>> inFlight,
                                  Duration limit, Supplier<? extends Throwable> timeout) {
        ScheduledFuture<?> task;
        try {
            task = timer.schedule(() -> {
                if (result.completeExceptionally(timeout.get())) {
                    Future<?> current = inFlight.get();
                    if (current != null) {
                        current.cancel(true);
                    }
                }
            }, Math.max(0, limit.toNanos()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            result.completeExceptionally(new SoraException("The component is stopping", null));
            return;
        }
        result.whenComplete((r, e) -> task.cancel(false));
    }

    /** A redirect this transport will not follow; mapped to the caller's typed exception. */
    static final class RedirectRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String code;
        final int status;

        RedirectRefused(String code, String message, int status) {
            super(message, null, false, false);
            this.code = code;
            this.status = status;
        }
    }

    /**
     * The one redirect rule: at most {@code max} hops, http(s) only, never from https to http, plain http only
     * when {@code httpAllowed}.
     */
    static URI redirect(URI current, String location, int hops, int max, boolean httpAllowed, int status) {
        if (hops >= max) {
            throw new RedirectRefused("too_many_redirects", "more than " + max + " redirects", status);
        }
        URI next;
        try {
            next = current.resolve(new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new RedirectRefused("invalid_redirect", "the redirect location is not a valid URI", status);
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || next.getHost() == null) {
            throw new RedirectRefused("invalid_redirect", "refusing a redirect to a " + scheme + " URL", status);
        }
        if (scheme.equals("http") && ("https".equalsIgnoreCase(current.getScheme()) || !httpAllowed)) {
            throw new RedirectRefused("insecure_redirect", "refusing a redirect to plain http ("
                                                          + ServerText.clean(next.getHost()) + ")", status);
        }
        return next;
    }

    private static String host(String location, URI base) {
        try {
            String host = base.resolve(new URI(location.trim())).getHost();
            return host == null ? "" : host;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "";
        }
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Same scheme, host and port: only there does a credential go. */
    static boolean sameOrigin(URI a, URI b) {
        return a != null && b != null && a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
               && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
               && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /**
     * A request without a complete answer. Only failures of the network are transport failures (repeatable); a
     * local file that cannot be written is not one. A connection never made sent nothing.
     */
    static SoraException transportFailure(String operation, String videoId, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FileResponseConsumer.LocalStorageException local) {
                return new SoraException(operation + " failed on this machine: " + local.getMessage(), videoId, e);
            }
        }
        boolean notConnected = e instanceof ConnectException || e instanceof UnknownHostException
                               || e instanceof NoRouteToHostException || e instanceof SSLHandshakeException
                               || e.getClass().getSimpleName().equals("ConnectionRequestTimeoutException");
        if (e instanceof SSLHandshakeException) {
            // an untrusted certificate does not become trusted by asking again: not a transport failure
            return new SoraException(operation + " failed: " + e.getClass().getSimpleName() + ": "
                                     + ServerText.clean(String.valueOf(e.getMessage())), videoId, e);
        }
        return new SoraTransportException(operation, videoId, e, !notConnected);
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

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
        synchronized (this) {
            for (CloseableHttpAsyncClient client : foreign) {
                if (client != null) {
                    client.close(CloseMode.GRACEFUL);
                }
            }
        }
        if (ownsTimer) {
            timer.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "HttpTransport[" + key + "]";
    }
}
