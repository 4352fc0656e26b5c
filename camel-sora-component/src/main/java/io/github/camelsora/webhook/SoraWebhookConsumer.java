package io.github.camelsora.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.github.camelsora.SoraConfiguration;
import io.github.camelsora.SoraConstants;
import io.github.camelsora.SoraEndpoint;
import io.github.camelsora.api.Futures;
import io.github.camelsora.api.Video;
import io.github.camelsora.job.JobTracker;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("sora:webhook")}: serves one POST path through the runtime's HTTP server (platform-http with camel-main,
 * Spring Boot or Quarkus), and for each request
 * <ol>
 * <li>caps the body (413 above {@code webhookMaxPayloadSize});</li>
 * <li>verifies the signature in the provider's scheme (its profile's {@code webhookSignature}): Standard Webhooks with
 * {@link WebhookVerifier}, or OpenRouter's {@code X-OpenRouter-Signature} with {@link OpenRouterWebhookVerifier}
 * (400 otherwise: the route never sees a request it cannot trust);</li>
 * <li>answers 200 at once to a delivery it has already handled ({@code webhook-id}, or OpenRouter's
 * {@code X-OpenRouter-Idempotency-Key}; deliveries are at-least-once);</li>
 * <li>completes the sora:generate exchange waiting for the job, if any, with no status request;</li>
 * <li>otherwise runs the route on a fresh exchange (no header of the HTTP request reaches it) with the job fetched by
 * id, or the event JSON, as body. A route failure answers 500, so the provider delivers the event again.</li>
 * </ol>
 */
public class SoraWebhookConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(SoraWebhookConsumer.class);

    private final SoraEndpoint endpoint;
    private WebhookVerifier verifier;
    private OpenRouterWebhookVerifier openRouter;
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
        String secret = configuration.getWebhookSecret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("sora:webhook needs webhookSecret, the signing secret of the webhook:"
                                               + " without it an event cannot be told from a forged request");
        }
        if ("openrouter".equals(endpoint.providerProfile().webhookSignature())) {
            openRouter = new OpenRouterWebhookVerifier(secret, Duration.ofMillis(configuration.getWebhookTolerance()),
                    Clock.systemUTC());
        } else {
            verifier = new WebhookVerifier(secret, Duration.ofMillis(configuration.getWebhookTolerance()),
                    Clock.systemUTC());
        }
        repository = configuration.getIdempotentRepository() != null
                ? configuration.getIdempotentRepository()
                : MemoryIdempotentRepository.memoryIdempotentRepository(1000);
        ServiceHelper.startService(repository);

        RestConsumerFactory factory = restConsumerFactory();
        CamelContext context = endpoint.getCamelContext();
        RestConfiguration restConfiguration = context.getRestConfiguration();
        httpConsumer = factory.createConsumer(context, this::onRequest, "POST", configuration.getWebhookPath(), null,
                null, null, restConfiguration, Collections.emptyMap());
        ServiceHelper.startService(httpConsumer);
        endpoint.getComponent().webhookConsumerRunning(true);
        registered = true;
        LOG.info("Receiving Sora webhook events on POST {}", configuration.getWebhookPath());
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

    /** Answers one HTTP request; only a verified, new event reaches the route. */
    private void onRequest(Exchange http) {
        Message request = http.getMessage();
        byte[] payload;
        try {
            payload = readPayload(request);
        } catch (PayloadTooLargeException e) {
            LOG.warn("Rejected a webhook request: {}", e.getMessage());
            respond(http, 413, e.getMessage());
            return;
        } catch (IOException e) {
            respond(http, 400, "Unreadable request body");
            return;
        }
        WebhookEvent event;
        String webhookId;
        try {
            if (openRouter != null) {
                openRouter.verify(request.getHeader(OpenRouterWebhookVerifier.SIGNATURE_HEADER, String.class), payload);
                webhookId = request.getHeader(OpenRouterWebhookVerifier.IDEMPOTENCY_HEADER, String.class);
                if (webhookId == null || webhookId.isBlank()) {
                    // no key: the signed body itself tells a redelivery from a new event
                    webhookId = "sha256:" + java.util.HexFormat.of().formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(payload));
                }
            } else {
                webhookId = request.getHeader(WebhookVerifier.ID_HEADER, String.class);
                verifier.verify(webhookId, request.getHeader(WebhookVerifier.TIMESTAMP_HEADER, String.class),
                        request.getHeader(WebhookVerifier.SIGNATURE_HEADER, String.class), payload);
            }
            event = WebhookEvent.parse(new String(payload, StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            respond(http, 500, "SHA-256 is not available");
            return;
        } catch (WebhookVerificationException | IllegalArgumentException e) {
            LOG.warn("Rejected a webhook request: {}", e.getMessage());
            respond(http, 400, "Invalid webhook request");
            return;
        }
        if (!repository.add(webhookId)) {
            LOG.debug("Webhook {} ({} {}) was already handled", webhookId, event.type(), event.objectId());
            respond(http, 200, "");
            return;
        }
        try {
            handle(event, webhookId);
            repository.confirm(webhookId);
            respond(http, 200, "");
        } catch (Exception e) {
            // forget it, so the provider's next delivery of this event is handled again
            repository.remove(webhookId);
            respond(http, 500, "The event could not be handled");
        }
    }

    private void handle(WebhookEvent event, String webhookId) throws Exception {
        SoraConfiguration configuration = endpoint.getConfiguration();
        if (event.isVideoTerminal() && event.objectId() != null && isTracked(event.objectId())
            && !configuration.isForwardTrackedEvents()) {
            LOG.debug("Webhook {} is about video {}, which a sora: exchange here waits for or delivered already",
                    webhookId, event.objectId());
            return;
        }
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getMessage();
            message.setHeader(SoraConstants.EVENT_TYPE, event.type());
            message.setHeader(SoraConstants.EVENT_ID, event.id());
            message.setHeader(SoraConstants.WEBHOOK_ID, webhookId);
            if (event.objectId() != null && event.type().startsWith("video.")) {
                message.setHeader(SoraConstants.VIDEO_ID, event.objectId());
            }
            if (configuration.isFetchVideo() && event.objectId() != null && event.type().startsWith("video.")) {
                Video video = await(endpoint.retrieveJob(event.objectId()));
                // a download may take long: no overall timeout, the client gives up on a silent connection
                Futures.join(endpoint.deliverJob(video, message));
            } else {
                message.setBody(event.json());
                if (event.videoStatus() != null) {
                    message.setHeader(SoraConstants.STATUS, event.videoStatus());
                }
            }
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                throw exchange.getException();
            }
        } catch (Exception e) {
            getExceptionHandler().handleException("Error handling Sora webhook " + webhookId, exchange, e);
            throw e;
        } finally {
            releaseExchange(exchange, false);
        }
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

    private <T> T await(CompletableFuture<T> future) throws Exception {
        return Futures.join(future, Duration.ofMillis(endpoint.getConfiguration().getRequestTimeout() * 2));
    }

    private byte[] readPayload(Message request) throws IOException {
        int max = endpoint.getConfiguration().getWebhookMaxPayloadSize();
        Object declared = request.getHeader(Exchange.CONTENT_LENGTH);
        if (declared != null && declared.toString().trim().matches("\\d{1,18}")
            && Long.parseLong(declared.toString().trim()) > max) {
            throw new PayloadTooLargeException(max);
        }
        Object body = request.getBody();
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
        return payload;
    }

    private static final class PayloadTooLargeException extends IOException {
        PayloadTooLargeException(int max) {
            super("The request body is larger than webhookMaxPayloadSize (" + max + " bytes)");
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
