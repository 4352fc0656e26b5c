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
 * <li>verifies it with the endpoint's {@link WebhookScheme} (option {@code webhookScheme}, else the provider's):
 * Standard Webhooks (OpenAI, Replicate), fal's ED25519 signature against its key set, or none (unsigned callbacks,
 * BytePlus); 400 otherwise: the route never sees a request it cannot trust;</li>
 * <li>answers 200 at once to a delivery it has already handled (deliveries are at-least-once, and a replayed request
 * is one of them);</li>
 * <li>asks the sora: exchange waiting for the job, if any, to read the job again now (an event never stands for the
 * job's state);</li>
 * <li>otherwise runs the route on a fresh exchange (no header of the HTTP request reaches it) with the job fetched by
 * id, or the event JSON, as body. An unsigned callback never reaches a route: only the job read again from the
 * provider does. A route failure answers 500, so the provider delivers the event again.</li>
 * </ol>
 */
public class SoraWebhookConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(SoraWebhookConsumer.class);

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
        scheme = scheme(configuration);
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
            default -> {
                String secret = configuration.getWebhookSecret();
                if (secret == null || secret.isBlank()) {
                    throw new IllegalArgumentException("sora:webhook needs webhookSecret, the signing secret of the"
                                                       + " webhook: without it an event cannot be told from a forged"
                                                       + " request");
                }
                yield new StandardWebhooksScheme(new WebhookVerifier(secret, tolerance, Clock.systemUTC()));
            }
        };
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
            WebhookScheme.Verified verified = scheme.verify(name -> request.getHeader(name, String.class), payload);
            webhookId = verified.deliveryKey();
            event = WebhookEvent.parse(new String(payload, StandardCharsets.UTF_8));
            if (verified.signedObjectId() != null && !verified.signedObjectId().equals(event.objectId())) {
                // the body is signed only through its hash, the job's id in a header: both must name the same job
                throw new WebhookVerificationException(WebhookVerificationException.Reason.SIGNATURE_MISMATCH,
                        "The signed request id and the payload name different jobs");
            }
            event = withOwnJobId(event, request);
        } catch (WebhookVerificationException e) {
            LOG.warn("Rejected a webhook request: {}", e.getMessage());
            if (e.getReason() == WebhookVerificationException.Reason.KEYS_UNAVAILABLE) {
                respond(http, 503, "The webhook cannot be verified now");
            } else {
                respond(http, 400, "Invalid webhook request");
            }
            return;
        } catch (IllegalArgumentException e) {
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
        if (WebhookEvent.VIDEO_UPDATED.equals(event.type())) {
            // not terminal (Replicate's start event, for one): a reason to read the job, nothing to deliver
            if (event.objectId() != null) {
                isTracked(event.objectId());
            }
            return;
        }
        if (!scheme.authenticates()) {
            handleUnsigned(event, webhookId);
            return;
        }
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
     * An unsigned callback (anyone could have sent it) only names a job: a waiting exchange reads it again, and
     * otherwise the route gets the job as the provider describes it when it is finished, never the callback's body.
     */
    private void handleUnsigned(WebhookEvent event, String webhookId) throws Exception {
        if (event.objectId() == null || isTracked(event.objectId())) {
            return;
        }
        Video video;
        try {
            video = await(endpoint.retrieveJob(event.objectId()));
        } catch (io.github.camelsora.api.SoraApiException e) {
            if (e.getStatusCode() == 404 || e.getStatusCode() == 400) {
                // no such job at the provider: a stray or forged callback, answered and forgotten
                LOG.warn("Unsigned webhook {} names job {}, which the provider does not know", webhookId,
                        event.objectId());
                return;
            }
            throw e;
        }
        if (!video.videoStatus().isTerminal()) {
            LOG.debug("Unsigned webhook {} names job {}, which is still {}", webhookId, video.id(), video.status());
            return;
        }
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getMessage();
            message.setHeader(SoraConstants.EVENT_TYPE, "video." + video.status());
            message.setHeader(SoraConstants.WEBHOOK_ID, webhookId);
            message.setHeader(SoraConstants.VIDEO_ID, video.id());
            Futures.join(endpoint.deliverJob(video, message));
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                throw exchange.getException();
            }
        } catch (Exception e) {
            getExceptionHandler().handleException("Error handling webhook " + webhookId, exchange, e);
            throw e;
        } finally {
            releaseExchange(exchange, false);
        }
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
