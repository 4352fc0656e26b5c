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

import java.util.regex.Pattern;

/**
 * Checks a request before it is sent, so that a mistake costs nothing and names the parameter at fault. Limits are
 * those of the API: prompt 1..32000 characters, seconds a positive integer in a string, size {@code WxH} (or a
 * resolution label), and for models in the catalog, the model's own sizes and seconds.
 */
public final class VideoRequestValidator {

    public static final int MAX_PROMPT_LENGTH = 32_000;

    /** {@code WIDTHxHEIGHT}, or a resolution label some providers take as size ({@code 768P}, {@code 1080p}, {@code 4K}). */
    private static final Pattern SIZE = Pattern.compile("[1-9][0-9]{1,4}x[1-9][0-9]{1,4}|[1-9][0-9]{2,3}[pP]|[1-9][kK]");
    private static final Pattern SECONDS = Pattern.compile("[1-9][0-9]{0,3}");
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@-]{0,199}");

    private final ModelCatalog catalog;

    public VideoRequestValidator(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @return {@code true} when the model is in the catalog and was checked strictly, {@code false} when it is
     *         unknown and only the shape of the values was checked
     * @throws SoraValidationException naming the parameter at fault
     */
    public boolean validate(VideoRequest request) {
        String prompt = request.prompt();
        if (prompt == null || prompt.isBlank()) {
            throw new SoraValidationException("prompt", "a prompt is required (the message body or header CamelSoraPrompt)");
        }
        int length = prompt.codePointCount(0, prompt.length());
        if (length > MAX_PROMPT_LENGTH) {
            throw new SoraValidationException("prompt",
                    "at most " + MAX_PROMPT_LENGTH + " characters are allowed, got " + length);
        }
        checkText(prompt);
        if (request.model() == null || !MODEL.matcher(request.model()).matches()) {
            throw new SoraValidationException("model", "'" + request.model() + "' is not a model name");
        }
        if (request.seconds() == null || !SECONDS.matcher(request.seconds()).matches()) {
            throw new SoraValidationException("seconds",
                    "'" + request.seconds() + "' is not a whole number of seconds such as \"4\" or \"8\"");
        }
        if (request.size() == null || !SIZE.matcher(request.size()).matches()) {
            throw new SoraValidationException("size", "'" + request.size() + "' is not a size of the form WIDTHxHEIGHT"
                                                      + " or a resolution label such as 720p");
        }
        ModelCatalog.ModelSpec spec = catalog.spec(request.model());
        if (spec == null) {
            return false;
        }
        if (!spec.seconds().contains(request.seconds())) {
            throw new SoraValidationException("seconds", "model " + request.model() + " accepts "
                                                         + sorted(spec.seconds()) + ", got '" + request.seconds() + "'");
        }
        if (!spec.sizes().contains(request.size())) {
            throw new SoraValidationException("size", "model " + request.model() + " accepts " + sorted(spec.sizes())
                                                      + ", got '" + request.size() + "'");
        }
        return true;
    }

    /**
     * Any Unicode goes through unchanged, except what cannot: a lone surrogate has no UTF-8 form (it would reach the
     * server as a replacement character, silently changing the prompt), and NUL is refused by servers and C-based
     * tooling alike.
     */
    private static void checkText(String prompt) {
        for (int i = 0; i < prompt.length(); i++) {
            char c = prompt.charAt(i);
            if (c == '\u0000') {
                throw new SoraValidationException("prompt", "contains a NUL character at index " + i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < prompt.length() && Character.isLowSurrogate(prompt.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new SoraValidationException("prompt", "contains a lone UTF-16 surrogate (U+"
                                                            + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                                                            + ") at index " + i + ": not valid Unicode text");
            }
        }
    }

    private static String sorted(java.util.Set<String> values) {
        return values.stream()
                .sorted(java.util.Comparator.comparingInt(String::length).thenComparing(java.util.Comparator.naturalOrder()))
                .toList().toString();
    }
}
