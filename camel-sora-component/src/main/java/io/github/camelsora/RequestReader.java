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

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.camelsora.api.InputReference;
import io.github.camelsora.api.SoraValidationException;
import io.github.camelsora.api.VideoOptions;
import io.github.camelsora.api.VideoRequest;
import io.github.camelsora.media.ImageFitter;
import io.github.camelsora.media.ImageInfo;
import io.github.camelsora.media.ImageProbe;
import io.github.camelsora.media.InvalidImageException;
import io.github.camelsora.prompt.Shot;
import io.github.camelsora.prompt.ShotPrompt;
import org.apache.camel.Message;

/** Reads what a request needs from a message: prompt (or directed shot), options overridden by headers, image. */
final class RequestReader {

    /** The API's limit for an image, also applied to uploads so a stray large file is refused before reading on. */
    static final int MAX_IMAGE_BYTES = 20 * 1024 * 1024;
    static final int MAX_CHARACTERS = 2;
    static final int MAX_REFERENCE_IMAGES = 4;

    private RequestReader() {
    }

    /**
     * The prompt: header CamelSoraPrompt, else the body; a {@link Shot}, a {@link Map} of shot fields or JSON text
     * of a shot object is rendered by {@link ShotPrompt}.
     */
    static String prompt(Message message) {
        String header = message.getHeader(SoraConstants.PROMPT, String.class);
        if (header != null) {
            return header;
        }
        return promptOf(message.getBody() instanceof Shot || message.getBody() instanceof Map
                ? message.getBody() : message.getBody(String.class));
    }

    /** One prompt from a shot, a map of shot fields, JSON text of a shot, or plain text. */
    static String promptOf(Object item) {
        try {
            if (item instanceof Shot shot) {
                return ShotPrompt.render(shot);
            }
            if (item instanceof Map<?, ?> map) {
                return ShotPrompt.render(Shot.fromMap(map));
            }
            if (item == null) {
                return null;
            }
            String text = item.toString();
            Shot shot = ShotPrompt.parseShot(text);
            return shot != null ? ShotPrompt.render(shot) : text;
        } catch (IllegalArgumentException e) {
            throw new SoraValidationException("prompt", e.getMessage());
        }
    }

    static VideoRequest videoRequest(Message message, SoraConfiguration config, String prompt) {
        return new VideoRequest(prompt,
                message.getHeader(SoraConstants.MODEL, config.getModel(), String.class),
                message.getHeader(SoraConstants.SECONDS, config.getSeconds(), String.class),
                message.getHeader(SoraConstants.SIZE, config.getSize(), String.class),
                options(message, config), config.getCallbackUrl(), config.getStorageUri());
    }

    /** The neutral options (headers over the endpoint's options) and the provider options (the header merged over). */
    static VideoOptions options(Message message, SoraConfiguration config) {
        Map<String, Object> provider = new LinkedHashMap<>(VideoOptions.typed(config.getProviderOptions()));
        Object header = message.getHeader(SoraConstants.PROVIDER_OPTIONS);
        if (header instanceof Map<?, ?> map) {
            Map<String, Object> given = new LinkedHashMap<>();
            map.forEach((k, v) -> given.put(String.valueOf(k), v));
            provider.putAll(VideoOptions.typed(given));
        } else if (header != null) {
            provider.putAll(VideoOptions.parseObject(header.toString()));
        }
        return new VideoOptions(
                message.getHeader(SoraConstants.ASPECT_RATIO, config.getAspectRatio(), String.class),
                message.getHeader(SoraConstants.RESOLUTION, config.getResolution(), String.class),
                message.getHeader(SoraConstants.NEGATIVE_PROMPT, config.getNegativePrompt(), String.class),
                message.getHeader(SoraConstants.SEED, config.getSeed(), Long.class),
                generateAudio(message.getHeader(SoraConstants.GENERATE_AUDIO, config.getGenerateAudio(), String.class)),
                provider);
    }

    private static Boolean generateAudio(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw new SoraValidationException("generateAudio", "'" + value + "' is not true or false");
        }
        return Boolean.valueOf(text);
    }

    /** Character ids: header (a collection or comma-separated text), else the option; at most two. */
    static List<String> characters(Message message, SoraConfiguration config) {
        Object value = message.getHeader(SoraConstants.CHARACTERS);
        if (value == null) {
            value = config.getCharacters();
        }
        List<String> ids = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(id -> ids.add(String.valueOf(id).strip()));
        } else if (value != null) {
            Arrays.stream(value.toString().split(",")).map(String::strip).forEach(ids::add);
        }
        ids.removeIf(String::isEmpty);
        if (ids.size() > MAX_CHARACTERS) {
            throw new SoraValidationException("characters", "at most " + MAX_CHARACTERS + " characters are allowed, got "
                                                            + ids.size());
        }
        return ids;
    }

    /**
     * The reference image: header CamelSoraInputReference, else option inputReference. Bytes, files and streams are
     * read (at most 20 MiB), identified by magic bytes and checked against {@code size}, then fitted or refused per
     * inputReferenceFit; a {@code file-...} id and an https URL are passed on as references.
     */
    static InputReference inputReference(Message message, SoraConfiguration config, String size) {
        Object value = message.getHeader(SoraConstants.INPUT_REFERENCE);
        return image(value != null ? value : config.getInputReference(), config, size);
    }

    /** The last frame: header CamelSoraLastFrame, else option lastFrame; read and checked like the reference image. */
    static InputReference lastFrame(Message message, SoraConfiguration config, String size) {
        Object value = message.getHeader(SoraConstants.LAST_FRAME);
        return image(value != null ? value : config.getLastFrame(), config, size);
    }

    /**
     * Reference images (style or content, not frames): header CamelSoraReferenceImages (a collection, or text with
     * comma-separated items), else option referenceImages; each an image file, bytes or an https URL, at most
     * {@value #MAX_REFERENCE_IMAGES}; probed (a file must be an image) but not fitted: they need not be the video's
     * size.
     */
    static List<InputReference> referenceImages(Message message, SoraConfiguration config) {
        Object value = message.getHeader(SoraConstants.REFERENCE_IMAGES);
        if (value == null) {
            value = config.getReferenceImages();
        }
        List<Object> items = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            items.addAll(collection);
        } else if (value != null) {
            Arrays.stream(value.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
        }
        if (items.size() > MAX_REFERENCE_IMAGES) {
            throw new SoraValidationException("referenceImages", "at most " + MAX_REFERENCE_IMAGES
                                                                 + " reference images are allowed, got " + items.size());
        }
        List<InputReference> images = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof String text && text.toLowerCase(Locale.ROOT).startsWith("https://")) {
                images.add(new InputReference.ImageUrl(text));
                continue;
            }
            byte[] bytes = item instanceof byte[] b ? b
                    : item instanceof File file ? read(file.toPath())
                    : item instanceof Path path ? read(path)
                    : read(Path.of(item.toString()));
            try {
                ImageInfo info = ImageProbe.probe(bytes);
                images.add(new InputReference.Upload(bytes, "reference." + info.type().extension(),
                        info.type().mimeType()));
            } catch (InvalidImageException e) {
                throw new SoraValidationException("referenceImages", e.getMessage() + " [" + e.getReason() + "]");
            }
        }
        return images;
    }

    private static InputReference image(Object value, SoraConfiguration config, String size) {
        if (value == null) {
            return null;
        }
        if (value instanceof InputReference.Upload upload) {
            return upload(upload.bytes(), upload.filename(), config, size);
        }
        if (value instanceof InputReference reference) {
            return reference;
        }
        if (value instanceof byte[] bytes) {
            return upload(bytes, "reference", config, size);
        }
        if (value instanceof File file) {
            return upload(read(file.toPath()), file.getName(), config, size);
        }
        if (value instanceof Path path) {
            return upload(read(path), String.valueOf(path.getFileName()), config, size);
        }
        if (value instanceof InputStream stream) {
            return upload(read(stream), "reference", config, size);
        }
        String text = value.toString().strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("data:image/")) {
            return new InputReference.ImageUrl(text);
        }
        if (lower.startsWith("http://")) {
            throw new SoraValidationException("input_reference", "an image URL must use https");
        }
        if (text.startsWith("file-")) {
            return new InputReference.FileId(text);
        }
        return upload(read(Path.of(text)), String.valueOf(Path.of(text).getFileName()), config, size);
    }

    /** Probes an uploaded image and fits it to the video's size as configured (or refuses it). */
    static InputReference upload(byte[] bytes, String name, SoraConfiguration config, String size) {
        ImageInfo info;
        try {
            info = ImageProbe.probe(bytes);
        } catch (InvalidImageException e) {
            throw new SoraValidationException("input_reference", e.getMessage() + " [" + e.getReason() + "]");
        }
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        if (info.size().equals(size)) {
            return new InputReference.Upload(bytes, stem + "." + info.type().extension(), info.type().mimeType());
        }
        ImageFitter.Fit fit = fit(config.getInputReferenceFit());
        if (fit == ImageFitter.Fit.REJECT) {
            throw new SoraValidationException("input_reference", "the image is " + info.size() + " but the video is "
                                                                 + size + "; the API requires the same size. Resize it,"
                                                                 + " or set inputReferenceFit=crop or pad");
        }
        String[] wxh = size.split("x");
        try {
            byte[] png = ImageFitter.fit(bytes, info, Integer.parseInt(wxh[0]), Integer.parseInt(wxh[1]), fit);
            return new InputReference.Upload(png, stem + ".png", "image/png");
        } catch (InvalidImageException e) {
            throw new SoraValidationException("input_reference", e.getMessage() + " [" + e.getReason() + "]");
        }
    }

    static ImageFitter.Fit fit(String value) {
        try {
            return ImageFitter.Fit.valueOf(value == null ? "REJECT" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SoraValidationException("inputReferenceFit", "'" + value + "' is not reject, crop or pad");
        }
    }

    private static byte[] read(Path path) {
        try {
            if (Files.size(path) > MAX_IMAGE_BYTES) {
                throw new SoraValidationException("input_reference", "the file " + path.getFileName() + " is larger than "
                                                                     + MAX_IMAGE_BYTES + " bytes");
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new SoraValidationException("input_reference", "cannot read " + path.getFileName() + ": " + e.getMessage());
        }
    }

    private static byte[] read(InputStream stream) {
        try (stream) {
            byte[] bytes = stream.readNBytes(MAX_IMAGE_BYTES + 1);
            if (bytes.length > MAX_IMAGE_BYTES) {
                throw new SoraValidationException("input_reference", "the stream holds more than " + MAX_IMAGE_BYTES
                                                                     + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new SoraValidationException("input_reference", "cannot read the image stream: " + e.getMessage());
        }
    }
}
