package io.github.camelsora.api;

import java.util.regex.Pattern;

/**
 * Checks a request before it is sent, so that a mistake costs nothing and names the parameter at fault. Limits are
 * those of the API: prompt 1..32000 characters, seconds a positive integer in a string, size {@code WxH}, and for
 * models in the catalog, the model's own sizes and seconds.
 */
public final class VideoRequestValidator {

    public static final int MAX_PROMPT_LENGTH = 32_000;

    private static final Pattern SIZE = Pattern.compile("[1-9][0-9]{1,4}x[1-9][0-9]{1,4}");
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
        if (prompt.length() > MAX_PROMPT_LENGTH) {
            throw new SoraValidationException("prompt",
                    "at most " + MAX_PROMPT_LENGTH + " characters are allowed, got " + prompt.length());
        }
        if (request.model() == null || !MODEL.matcher(request.model()).matches()) {
            throw new SoraValidationException("model", "'" + request.model() + "' is not a model name");
        }
        if (request.seconds() == null || !SECONDS.matcher(request.seconds()).matches()) {
            throw new SoraValidationException("seconds",
                    "'" + request.seconds() + "' is not a whole number of seconds such as \"4\" or \"8\"");
        }
        if (request.size() == null || !SIZE.matcher(request.size()).matches()) {
            throw new SoraValidationException("size", "'" + request.size() + "' is not a size of the form WIDTHxHEIGHT");
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

    private static String sorted(java.util.Set<String> values) {
        return values.stream()
                .sorted(java.util.Comparator.comparingInt(String::length).thenComparing(java.util.Comparator.naturalOrder()))
                .toList().toString();
    }
}
