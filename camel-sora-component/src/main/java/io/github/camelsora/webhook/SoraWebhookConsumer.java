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
package io.github.camelsora.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelsora.SoraConfiguration;
import io.github.camelsora.SoraConstants;
import io.github.camelsora.SoraEndpoint;
import io.github.camelsora.api.JobScope;
import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraTimeoutException;
import io.github.camelsora.api.Video;
import io.github.camelsora.job.JobTracker;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code from("sora:webhook")}: serves one POST path through the runtime's HTTP server (platform-http with camel-main,
 * Spring Boot or Quarkus), and for each request
 * <ol>
 * <li>caps the body (413 above {@code webhookMaxPayloadSize});</li>
 * <li>verifies it with the endpoint's {@link WebhookScheme} (option {@code webhookScheme}, else the provider's):
 * Standard Webhooks (OpenAI, Replicate), fal's ED25519 signature against its key set, OpenRouter's
 * {@code X-OpenRouter-Signature} HMAC, or none (unsigned callbacks, BytePlus); 400 otherwise: the route never sees a
 * request it cannot trust;</li>
 * <li>answers 200 at once to a delivery it has already handled (deliveries are at-least-once, and a replayed request
 * is one of them);</li>
 * <li>asks the sora: exchange waiting for the job, if any, to read the job again now (an event never stands for the
 * job's state);</li>
 * <li>otherwise runs the route on a fresh exchange (no header of the HTTP request reaches it) with the job fetched by
 * id, or the event JSON, as body. An unsigned callback never reaches a route: only the job read again from the
 * provider does. A route failure answers 500, so the provider delivers the event again.</li>
 * </ol>
 * The HTTP server gets an {@link org.apache.camel.AsyncProcessor}: the body is read as it arrives (on platform-http's
 * Vert.x engine, from the unread request: no more than the cap is ever held), the job is fetched (and downloaded)
 * without a waiting thread, the route runs on the component's workers, and the request is answered through the
 * callback. Fetching and downloading have one deadline, {@code requestTimeout} (+ {@code downloadTimeout} with
 * download); past it the answer is 500, so the provider delivers the event again. (Camel 4.18's platform-http Vert.x
 * consumer still parks its worker thread until the callback: no work is done on it.)
 */
public class SoraWebhookConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(SoraWebhookConsumer.class);
    /** Whether Vert.x is there: platform-http's Vert.x engine then hands the request over unread. */
    private static final boolean VERTX = isPresent("io.vertx.core.http.HttpServerRequest");

    private final SoraEndpoint endpoint;
    private WebhookScheme scheme;
    private IdempotentRepository repository;
    private Consumer httpConsumer;
    private boolean registered;

    public SoraWebhookConsumer(SoraEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    public SoraEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        SoraConfiguration configuration = endpoint.getConfiguration();
        if (configuration.isFetchVideo()) {
            endpoint.checkUsable(); // it reads each event's job from the provider: not from a retired endpoint
        }
        scheme = scheme(configuration);
        repository = configuration.getIdempotentRepository() != null
                ? configuration.getIdempotentRepository()
                : MemoryIdempotentRepository.memoryIdempotentRepository(1000);
        ServiceHelper.startService(repository);

        RestConsumerFactory factory = restConsumerFactory();
        CamelContext context = endpoint.getCamelContext();
        RestConfiguration restConfiguration = context.getRestConfiguration();
        httpConsumer = factory.createConsumer(context, new RequestProcessor(), "POST", configuration.getWebhookPath(),
                null, null, null, restConfiguration, httpParameters(factory));
        ServiceHelper.startService(httpConsumer);
        endpoint.getComponent().webhookConsumerRunning(true);
        registered = true;
        LOG.info("Receiving webhook events on POST {} ({} callbacks)", configuration.getWebhookPath(), scheme.name());
    }

    /** The endpoint's scheme: the webhookScheme option, else the provider profile's, else Standard Webhooks. */
    private WebhookScheme scheme(SoraConfiguration configuration) {
        String name = configuration.getWebhookScheme() != null ? configuration.getWebhookScheme()
                : endpoint.providerWebhookScheme();
        Duration tolerance = Duration.ofMillis(configuration.getWebhookTolerance());
        return switch (WebhookScheme.canonical(name)) {
            case WebhookScheme.FAL -> new FalWebhookScheme(endpoint::fetchWebhookKeys, tolerance, Clock.systemUTC());
            case WebhookScheme.NONE -> new UnsignedWebhookScheme();
            case WebhookScheme.OPENROUTER -> new OpenRouterWebhookScheme(new OpenRouterWebhookVerifier(
                    secret(configuration), tolerance, Clock.systemUTC()));
            default -> new StandardWebhooksScheme(new WebhookVerifier(secret(configuration), tolerance,
                    Clock.systemUTC()));
        };
    }

    private static String secret(SoraConfiguration configuration) {
        String secret = configuration.getWebhookSecret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("sora:webhook needs webhookSecret, the signing secret of the webhook:"
                                               + " without it an event cannot be told from a forged request");
        }
        return secret;
    }

    @Override
    protected void doStop() throws Exception {
        if (registered) {
            endpoint.getComponent().webhookConsumerRunning(false);
            registered = false;
        }
        ServiceHelper.stopService(httpConsumer);
        httpConsumer = null;
        if (repository != endpoint.getConfiguration().getIdempotentRepository()) {
            ServiceHelper.stopService(repository);
        }
        super.doStop();
    }

    /**
     * platform-http hands the body over unread (its Vert.x engine then passes the paused request), so that an
     * oversize body is refused while it is read, not after the server buffered it. Other servers keep their options.
     */
    private static Map<String, Object> httpParameters(RestConsumerFactory factory) {
        for (Class<?> type = factory.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals("org.apache.camel.component.platform.http.PlatformHttpComponent")) {
                return Map.of("useBodyHandler", false);
            }
        }
        return Map.of();
    }

    /** Answers each HTTP request through the callback, once its event is handled; no thread waits meanwhile. */
    private final class RequestProcessor extends AsyncProcessorSupport {
        @Override
        public boolean process(Exchange http, AsyncCallback callback) {
            AtomicBoolean answered = new AtomicBoolean();
            CompletableFuture<Void> handled = start(http);
            if (handled.isDone()) {
                answer(http, handled);
                callback.done(true);
                return true;
            }
            handled.whenComplete((ignored, error) -> {
                if (answered.compareAndSet(false, true)) {
                    answer(http, handled);
                    callback.done(false);
                }
            });
            return false;
        }

        private CompletableFuture<Void> start(Exchange http) {
            // the request's MDC (and the video id once the event names it) on every line written for it, whatever
            // thread writes it
            JobScope scope = endpoint.scope(http);
            return scope.call(() -> {
                try {
                    return onRequest(http, scope);
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            });
        }
    }

    /** Whatever went wrong and was not answered yet is answered 500, so the provider delivers the event again. */
    private static void answer(Exchange http, CompletableFuture<Void> handled) {
        if (handled.isCompletedExceptionally()) {
            respond(http, 500, "The event could not be handled");
        }
    }

    /** Answers one HTTP request; only a verified, new event reaches the route. */
    private CompletableFuture<Void> onRequest(Exchange http, JobScope scope) {
        Deadline deadline = new Deadline();
        Message request = http.getMessage();
        CompletableFuture<byte[]> read;
        try {
            read = readPayload(request);
        } catch (PayloadTooLargeException e) {
            read = CompletableFuture.failedFuture(e);
        } catch (IOException | RuntimeException e) {
            read = CompletableFuture.failedFuture(new IOException("unreadable body", e));
        }
        // the rest runs on the component's workers: not on an HTTP thread, not on an event loop
        return deadline.watch(read).handleAsync((payload, error) -> {
            if (error != null) {
                Throwable cause = unwrap(error);
                if (cause instanceof PayloadTooLargeException) {
                    LOG.warn("Rejected a webhook request: {}", cause.getMessage());
                    respond(http, 413, cause.getMessage());
                } else if (cause instanceof SoraTimeoutException) {
                    LOG.warn("Rejected a webhook request: its body did not arrive within {} ms", deadline.millis);
                    respond(http, 408, "The request body did not arrive in time");
                } else {
                    respond(http, 400, "Unreadable request body");
                }
                return CompletableFuture.<Void> completedFuture(null);
            }
            return onPayload(http, request, payload, deadline);
        }, task -> continuations().execute(() -> scope.run(task))).thenCompose(next -> next);
    }

    private CompletableFuture<Void> onPayload(Exchange http, Message request, byte[] payload, Deadline deadline) {
        WebhookEvent event;
        String webhookId;
        try {
            WebhookScheme.Verified verified = scheme.verify(name -> request.getHeader(name, String.class), payload);
            webhookId = verified.deliveryKey();
            event = WebhookEvent.parse(new String(payload, StandardCharsets.UTF_8));
            if (verified.signedObjectId() != null && !verified.signedObjectId().equals(event.objectId())) {
                // the body is signed only through its hash, the job's id in a header: both must name the same job
                throw new WebhookVerificationException(WebhookVerificationException.Reason.SIGNATURE_MISMATCH,
                        "The signed request id and the payload name different jobs");
            }
            event = withOwnJobId(event, request);
            if (event.objectId() != null && JobScope.current().videoId(event.objectId()).hasMdc()) {
                MDC.put(JobScope.MDC_VIDEO_ID, event.objectId());
            }
        } catch (WebhookVerificationException e) {
            LOG.warn("Rejected a webhook request: {}", e.getMessage());
            if (e.getReason() == WebhookVerificationException.Reason.KEYS_UNAVAILABLE) {
                respond(http, 503, "The webhook cannot be verified now");
            } else {
                respond(http, 400, "Invalid webhook request");
            }
            return CompletableFuture.completedFuture(null);
        } catch (IllegalArgumentException e) {
            LOG.warn("Rejected a webhook request: {}", e.getMessage());
            respond(http, 400, "Invalid webhook request");
            return CompletableFuture.completedFuture(null);
        }
        if (!repository.add(webhookId)) {
            LOG.debug("Webhook {} ({} {}) was already handled", webhookId, event.type(), event.objectId());
            respond(http, 200, "");
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> handled;
        try {
            handled = handle(event, webhookId, deadline);
        } catch (Exception e) {
            handled = CompletableFuture.failedFuture(e);
        }
        return handled.whenCompleteAsync((ignored, error) -> {
            if (error == null) {
                repository.confirm(webhookId);
                respond(http, 200, "");
            } else {
                // forget it, so the provider's next delivery of this event is handled again
                repository.remove(webhookId);
                respond(http, 500, "The event could not be handled");
            }
        }, continuations());
    }

    private CompletableFuture<Void> handle(WebhookEvent event, String webhookId, Deadline deadline) {
        SoraConfiguration configuration = endpoint.getConfiguration();
        if (WebhookEvent.VIDEO_UPDATED.equals(event.type())) {
            // not terminal (Replicate's start event, for one): a reason to read the job, nothing to deliver
            if (event.objectId() != null) {
                isTracked(event.objectId());
            }
            return CompletableFuture.completedFuture(null);
        }
        if (!scheme.authenticates()) {
            return handleUnsigned(event, webhookId, deadline);
        }
        if (event.isVideoTerminal() && event.objectId() != null && isTracked(event.objectId())
            && !configuration.isForwardTrackedEvents()) {
            LOG.debug("Webhook {} is about video {}, which a sora: exchange here waits for or delivered already",
                    webhookId, event.objectId());
            return CompletableFuture.completedFuture(null);
        }
        Exchange exchange = createExchange(false);
        CompletableFuture<Void> ready;
        try {
            Message message = exchange.getMessage();
            message.setHeader(SoraConstants.EVENT_TYPE, event.type());
            message.setHeader(SoraConstants.EVENT_ID, event.id());
            message.setHeader(SoraConstants.WEBHOOK_ID, webhookId);
            if (event.objectId() != null && event.type().startsWith("video.")) {
                message.setHeader(SoraConstants.VIDEO_ID, event.objectId());
            }
            if (configuration.isFetchVideo() && event.objectId() != null && event.type().startsWith("video.")) {
                // retrieve, then (download=true) download: no thread waits, and one deadline bounds both
                ready = deadline.watch(endpoint.retrieveJob(event.objectId())
                        .thenCompose(video -> endpoint.deliverJob(video, message)));
            } else {
                message.setBody(event.json());
                if (event.videoStatus() != null) {
                    message.setHeader(SoraConstants.STATUS, event.videoStatus());
                }
                ready = CompletableFuture.completedFuture(null);
            }
        } catch (RuntimeException e) {
            ready = CompletableFuture.failedFuture(e);
        }
        return ready.thenComposeAsync(ignored -> runRoute(exchange), continuations()).whenComplete((ignored, error) -> {
            if (error != null) {
                Throwable cause = unwrap(error);
                getExceptionHandler().handleException("Error handling Sora webhook " + webhookId, exchange, cause);
            }
            releaseExchange(exchange, false);
        });
    }

    /** Runs the route (on the calling worker); completes when the route is done, failed when it failed. */
    private CompletableFuture<Void> runRoute(Exchange exchange) {
        CompletableFuture<Void> routed = new CompletableFuture<>();
        try {
            getAsyncProcessor().process(exchange, doneSync -> {
                Exception failure = exchange.getException();
                if (failure != null) {
                    routed.completeExceptionally(failure);
                } else {
                    routed.complete(null);
                }
            });
        } catch (RuntimeException e) {
            routed.completeExceptionally(e);
        }
        return routed;
    }

    private Executor continuations() {
        return endpoint.getComponent().continuations();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
               && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * One deadline for the whole handling of a request before its route runs: reading the body and fetching the
     * job take at most {@code requestTimeout}, plus {@code downloadTimeout} when the video is downloaded. Past it,
     * the work in flight is cancelled and fails with {@link SoraTimeoutException}.
     */
    private final class Deadline {
        private final long millis;
        private final long end;

        Deadline() {
            SoraConfiguration configuration = endpoint.getConfiguration();
            this.millis = configuration.getRequestTimeout()
                          + (configuration.isFetchVideo() && configuration.isDownload()
                                  ? configuration.getDownloadTimeout() : 0);
            this.end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        }

        <T> CompletableFuture<T> watch(CompletableFuture<T> work) {
            if (work.isDone()) {
                return work;
            }
            long left = Math.max(0, end - System.nanoTime());
            CompletableFuture<T> watched = new CompletableFuture<>();
            ScheduledExecutorService timer = endpoint.getComponent().timer();
            ScheduledFuture<?> alarm = timer == null ? null : timer.schedule(() -> {
                if (watched.completeExceptionally(new SoraTimeoutException(null, Duration.ofMillis(millis),
                        "webhook handling"))) {
                    work.cancel(true);
                }
            }, left, TimeUnit.NANOSECONDS);
            work.whenComplete((value, error) -> {
                if (alarm != null) {
                    alarm.cancel(false);
                }
                if (error != null) {
                    watched.completeExceptionally(error);
                } else {
                    watched.complete(value);
                }
            });
            return watched;
        }
    }

    /**
     * An unsigned callback (anyone could have sent it) only names a job: a waiting exchange reads it again, and
     * otherwise the route gets the job as the provider describes it when it is finished, never the callback's body.
     */
    private CompletableFuture<Void> handleUnsigned(WebhookEvent event, String webhookId, Deadline deadline) {
        if (event.objectId() == null || isTracked(event.objectId())) {
            return CompletableFuture.completedFuture(null);
        }
        return deadline.watch(endpoint.retrieveJob(event.objectId())).handle((video, error) -> {
            if (error != null) {
                Throwable cause = unwrap(error);
                if (cause instanceof SoraApiException api && (api.getStatusCode() == 404
                                                              || api.getStatusCode() == 400)) {
                    // no such job at the provider: a stray or forged callback, answered and forgotten
                    LOG.warn("Unsigned webhook {} names job {}, which the provider does not know", webhookId,
                            event.objectId());
                    return CompletableFuture.<Void> completedFuture(null);
                }
                return CompletableFuture.<Void> failedFuture(cause);
            }
            if (!video.videoStatus().isTerminal()) {
                LOG.debug("Unsigned webhook {} names job {}, which is still {}", webhookId, video.id(),
                        video.status());
                return CompletableFuture.<Void> completedFuture(null);
            }
            Exchange exchange = createExchange(false);
            Message message = exchange.getMessage();
            message.setHeader(SoraConstants.EVENT_TYPE, "video." + video.status());
            message.setHeader(SoraConstants.WEBHOOK_ID, webhookId);
            message.setHeader(SoraConstants.VIDEO_ID, video.id());
            CompletableFuture<Void> ready;
            try {
                ready = deadline.watch(endpoint.deliverJob(video, message));
            } catch (RuntimeException e) {
                ready = CompletableFuture.failedFuture(e);
            }
            return ready.thenComposeAsync(ignored -> runRoute(exchange), continuations())
                    .whenComplete((ignored, failure) -> {
                        if (failure != null) {
                            getExceptionHandler().handleException("Error handling webhook " + webhookId, exchange,
                                    unwrap(failure));
                        }
                        releaseExchange(exchange, false);
                    });
        }).thenCompose(next -> next);
    }

    /**
     * A provider whose callback names its job only in part (fal: the request id, while the job id also holds the
     * model's app, {@code fal-ai/kling-video/requests/<id>}) gets the rest in the {@code sora_job_prefix} query
     * parameter of the callback URL the component sent with the job. The prefix only completes the id the verified
     * payload names; a forged one leads to a status request for a job that does not exist, nothing more.
     */
    static WebhookEvent withOwnJobId(WebhookEvent event, Message request) {
        String query = request.getHeader(Exchange.HTTP_QUERY, String.class);
        if (query == null || event.objectId() == null) {
            return event;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("sora_job_prefix=")) {
                String prefix = java.net.URLDecoder.decode(pair.substring("sora_job_prefix=".length()),
                        StandardCharsets.UTF_8);
                if (!prefix.isEmpty() && prefix.length() <= 200 && !event.objectId().startsWith(prefix)) {
                    return event.withObjectId(prefix + event.objectId());
                }
            }
        }
        return event;
    }

    /**
     * An event never stands in for the job: it asks the waits that take events (completion webhook or auto) to read
     * the job again now. Returns whether a sora: exchange here waits for the job or has delivered it (this node's
     * last jobs, and the job stores): such an event must not deliver the video a second time.
     */
    private boolean isTracked(String videoId) {
        JobTracker tracker = endpoint.getComponent().tracker();
        if (tracker == null) {
            return false;
        }
        return tracker.nudge(videoId) || endpoint.getComponent().isKnownJob(videoId);
    }

    /**
     * The body, at most webhookMaxPayloadSize bytes: a declared Content-Length above it is refused before anything
     * is read, and a body read as it arrives (an unread Vert.x request) is refused as soon as it goes past it.
     */
    private CompletableFuture<byte[]> readPayload(Message request) throws IOException {
        int max = endpoint.getConfiguration().getWebhookMaxPayloadSize();
        Object declared = request.getHeader(Exchange.CONTENT_LENGTH);
        if (declared != null && declared.toString().trim().matches("\\d{1,18}")
            && Long.parseLong(declared.toString().trim()) > max) {
            throw new PayloadTooLargeException(max);
        }
        Object body = request.getBody();
        if (VERTX && VertxRequestBody.accepts(body)) {
            return VertxRequestBody.read(body, max);
        }
        byte[] payload;
        if (body == null) {
            payload = new byte[0];
        } else if (body instanceof InputStream stream) {
            try (InputStream in = stream) {
                payload = in.readNBytes(max + 1);
            }
        } else {
            payload = request.getBody(byte[].class);
        }
        if (payload == null) {
            throw new IOException("unreadable body");
        }
        if (payload.length > max) {
            throw new PayloadTooLargeException(max);
        }
        return CompletableFuture.completedFuture(payload);
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, SoraWebhookConsumer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Answers with a status and a short text; no header of the request is echoed back. */
    private static void respond(Exchange http, int status, String text) {
        Message message = http.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain");
        message.setBody(text);
    }

    /**
     * The HTTP server: the named component, else the rest configuration's, else platform-http, else the only
     * RestConsumerFactory there is.
     */
    private RestConsumerFactory restConsumerFactory() {
        CamelContext context = endpoint.getCamelContext();
        String named = endpoint.getConfiguration().getHttpServerComponent();
        if (named == null && context.getRestConfiguration() != null) {
            named = context.getRestConfiguration().getComponent();
        }
        if (named != null) {
            Component component = context.getComponent(named, true);
            if (component instanceof RestConsumerFactory factory) {
                return factory;
            }
            throw new IllegalArgumentException("The component " + named + " cannot serve sora:webhook: it is not a"
                                               + " RestConsumerFactory");
        }
        if (context.getComponent("platform-http", true) instanceof RestConsumerFactory factory) {
            return factory;
        }
        Set<RestConsumerFactory> factories = new LinkedHashSet<>(
                context.getRegistry().findByType(RestConsumerFactory.class));
        if (factories.size() == 1) {
            return factories.iterator().next();
        }
        throw new IllegalStateException("sora:webhook needs an HTTP server: add camel-platform-http-main (camel-main),"
                                        + " camel-platform-http-starter (Spring Boot) or another RestConsumerFactory,"
                                        + " or name one in httpServerComponent");
    }
}
