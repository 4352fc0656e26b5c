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
    @Metadata(description = "Where the provider wrote the result in cloud storage (s3://... or gs://...), when it"
                            + " does (bedrock; vertex with storageUri); with downloadResult=false it is also the body.",
              javaType = "String")
    public static final String OUTPUT_URI = "CamelSoraOutputUri";
    @Metadata(description = "The id of the video job. Set as soon as the job is created, so it is on the exchange"
                            + " even when a later step fails.",
              javaType = "String")
    public static final String VIDEO_ID = "CamelSoraVideoId";
    @Metadata(description = "The job's last known status, in the neutral vocabulary: queued, in_progress, completed,"
                            + " failed, cancelled, expired, deleted; a word the provider's profile does not know is"
                            + " kept as the provider wrote it.",
              javaType = "String")
    public static final String STATUS = "CamelSoraStatus";
    @Metadata(description = "The job's last status in the provider's own word (processing, SUCCEEDED, pending...),"
                            + " before it was mapped into CamelSoraStatus.",
              javaType = "String")
    public static final String PROVIDER_STATUS = "CamelSoraProviderStatus";
    @Metadata(description = "The aspect ratio (16:9, 9:16, ...), overriding the aspectRatio option; refused before"
                            + " sending by a provider that does not offer it.",
              javaType = "String")
    public static final String ASPECT_RATIO = "CamelSoraAspectRatio";
    @Metadata(description = "The resolution label (720p, 1080p, 768P, ...), overriding the resolution option.",
              javaType = "String")
    public static final String RESOLUTION = "CamelSoraResolution";
    @Metadata(description = "What the video should not show, overriding the negativePrompt option.",
              javaType = "String")
    public static final String NEGATIVE_PROMPT = "CamelSoraNegativePrompt";
    @Metadata(description = "The sampler's seed, overriding the seed option.", javaType = "Long")
    public static final String SEED = "CamelSoraSeed";
    @Metadata(description = "Whether the model renders a soundtrack, overriding the generateAudio option.",
              javaType = "Boolean")
    public static final String GENERATE_AUDIO = "CamelSoraGenerateAudio";
    @Metadata(description = "Provider fields sent with the create as they are (a Map, or JSON object text; a model's"
                            + " own input for fal, Replicate, BytePlus), merged over the providerOptions option.",
              javaType = "java.util.Map<String, Object>")
    public static final String PROVIDER_OPTIONS = "CamelSoraProviderOptions";
    @Metadata(description = "What the provider reports the job cost (OpenRouter usage.cost, Merge cost), in its"
                            + " currency (US dollars for those); absent when it reports nothing.",
              javaType = "java.math.BigDecimal")
    public static final String REPORTED_COST = "CamelSoraReportedCost";
    @Metadata(description = "When the server will delete the job's downloadable assets (unix seconds).",
              javaType = "Long")
    public static final String EXPIRES_AT = "CamelSoraExpiresAt";
    @Metadata(description = "The reference image of generate/create: byte[], File, Path, InputStream, a file id"
                            + " (file-...) or an https image URL; overrides the inputReference option.",
              javaType = "Object")
    public static final String INPUT_REFERENCE = "CamelSoraInputReference";
    @Metadata(description = "The image the video ends on, like CamelSoraInputReference (which is the first frame);"
                            + " overrides the lastFrame option. Refused before sending by a provider without it.",
              javaType = "Object")
    public static final String LAST_FRAME = "CamelSoraLastFrame";
    @Metadata(description = "Reference images (style or content, not frames): a collection of files, paths, bytes or"
                            + " https URLs, or comma-separated text; overrides the referenceImages option. Refused"
                            + " before sending by a provider without them.",
              javaType = "Object")
    public static final String REFERENCE_IMAGES = "CamelSoraReferenceImages";
    @Metadata(description = "Character ids for create/generate (at most 2): a List or a comma-separated String; put"
                            + " each character's name in the prompt yourself.",
              javaType = "Object")
    public static final String CHARACTERS = "CamelSoraCharacters";
    @Metadata(description = "What download fetches: video, thumbnail or spritesheet.", javaType = "String")
    public static final String VARIANT = "CamelSoraVariant";
    @Metadata(description = "The extra assets generate downloaded (option variants), by variant name.",
              javaType = "java.util.Map<String, java.io.File>")
    public static final String VARIANT_FILES = "CamelSoraVariantFiles";
    @Metadata(description = "List: the id after which the page starts.", javaType = "String")
    public static final String LIST_AFTER = "CamelSoraListAfter";
    @Metadata(description = "List: the page size (1..100).", javaType = "Integer")
    public static final String LIST_LIMIT = "CamelSoraListLimit";
    @Metadata(description = "List: asc or desc (by creation time).", javaType = "String")
    public static final String LIST_ORDER = "CamelSoraListOrder";
    @Metadata(description = "List: whether more videos follow the answered page.", javaType = "Boolean")
    public static final String HAS_MORE = "CamelSoraHasMore";
    @Metadata(description = "List: the id of the last video answered, the cursor of the next page.", javaType = "String")
    public static final String LAST_ID = "CamelSoraLastId";
    @Metadata(description = "The id of a character: read by getCharacter, set by createCharacter and getCharacter.",
              javaType = "String")
    public static final String CHARACTER_ID = "CamelSoraCharacterId";
    @Metadata(description = "The name of the character createCharacter creates, overriding the characterName option.",
              javaType = "String")
    public static final String CHARACTER_NAME = "CamelSoraCharacterName";
    @Metadata(description = "The video a remix was made from.", javaType = "String")
    public static final String REMIXED_FROM_VIDEO_ID = "CamelSoraRemixedFromVideoId";
    @Metadata(description = "Whether the video was deleted on the server (delete, and generate with"
                            + " deleteAfterDownload).",
              javaType = "Boolean")
    public static final String DELETED = "CamelSoraDeleted";
    @Metadata(description = "Storyboard: the ids of every job it created, the first shot first; the last one is the"
                            + " stitched video.",
              javaType = "java.util.List<String>")
    public static final String STORYBOARD_VIDEO_IDS = "CamelSoraStoryboardVideoIds";
    @Metadata(description = "The type of the webhook event, e.g. video.completed or video.failed.", javaType = "String")
    public static final String EVENT_TYPE = "CamelSoraEventType";
    @Metadata(description = "The id of the webhook event (evt_...), from its payload.", javaType = "String")
    public static final String EVENT_ID = "CamelSoraEventId";
    @Metadata(description = "The webhook-id of the delivery, the key redeliveries are recognised by.",
              javaType = "String")
    public static final String WEBHOOK_ID = "CamelSoraWebhookId";
    @Metadata(description = "The estimated cost of the job in US dollars, from the price table (the priceTable"
                            + " option); absent when the table has no price for the model and size.",
              javaType = "java.math.BigDecimal")
    public static final String ESTIMATED_COST = "CamelSoraEstimatedCost";
    @Metadata(description = "The idempotency key of the message: a redelivered or re-consumed message with the same key"
                            + " resumes its job (or answers the video already delivered) instead of paying for a new"
                            + " one. Overrides the idempotencyKey option and the default (JMSMessageID, or the file's"
                            + " absolute path, last-modified time and length, else the exchange id).",
              javaType = "String")
    public static final String IDEMPOTENCY_KEY = "CamelSoraIdempotencyKey";
    @Metadata(description = "The name of the downloaded file (the video id plus .mp4), for the next file-like endpoint.",
              javaType = "String")
    public static final String FILE_NAME = org.apache.camel.Exchange.FILE_NAME;
    @Metadata(description = "The content type of the result body, video/mp4 for a video.", javaType = "String")
    public static final String CONTENT_TYPE = org.apache.camel.Exchange.CONTENT_TYPE;

    private SoraConstants() {
    }
}
