package io.github.camelsora;

import org.apache.camel.spi.Metadata;

/** Message headers read and written by the component. */
public final class SoraConstants {

    @Metadata(description = "The operation to perform, overriding the URI path.", javaType = "String")
    public static final String OPERATION = "CamelSoraOperation";
    @Metadata(description = "The prompt; when absent, the message body is the prompt.", javaType = "String")
    public static final String PROMPT = "CamelSoraPrompt";
    @Metadata(description = "The model, overriding the endpoint's; set on the result to the model that rendered.",
              javaType = "String")
    public static final String MODEL = "CamelSoraModel";
    @Metadata(description = "The clip length in seconds (sent as a string), overriding the endpoint's; set on the"
                            + " result to the length rendered.",
              javaType = "String")
    public static final String SECONDS = "CamelSoraSeconds";
    @Metadata(description = "The size WIDTHxHEIGHT, overriding the endpoint's; set on the result to the size"
                            + " rendered.",
              javaType = "String")
    public static final String SIZE = "CamelSoraSize";
    @Metadata(description = "The id of the video job. Set as soon as the job is created, so it is on the exchange"
                            + " even when a later step fails.",
              javaType = "String")
    public static final String VIDEO_ID = "CamelSoraVideoId";
    @Metadata(description = "The job's last known status: queued, in_progress, completed, failed, ...",
              javaType = "String")
    public static final String STATUS = "CamelSoraStatus";
    @Metadata(description = "When the server will delete the job's downloadable assets (unix seconds).",
              javaType = "Long")
    public static final String EXPIRES_AT = "CamelSoraExpiresAt";
    @Metadata(description = "The type of the webhook event, e.g. video.completed or video.failed.", javaType = "String")
    public static final String EVENT_TYPE = "CamelSoraEventType";
    @Metadata(description = "The id of the webhook event (evt_...), from its payload.", javaType = "String")
    public static final String EVENT_ID = "CamelSoraEventId";
    @Metadata(description = "The webhook-id of the delivery, the key redeliveries are recognised by.",
              javaType = "String")
    public static final String WEBHOOK_ID = "CamelSoraWebhookId";
    @Metadata(description = "The name of the downloaded file (the video id plus .mp4), for the next file-like endpoint.",
              javaType = "String")
    public static final String FILE_NAME = org.apache.camel.Exchange.FILE_NAME;
    @Metadata(description = "The content type of the result body, video/mp4 for a video.", javaType = "String")
    public static final String CONTENT_TYPE = org.apache.camel.Exchange.CONTENT_TYPE;

    private SoraConstants() {
    }
}
