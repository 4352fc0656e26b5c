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
package io.github.camelsora.dsl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Expression;
import org.apache.camel.NoSuchEndpointException;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.EndpointHelper;
import org.apache.camel.util.URISupport;

/**
 * The state behind the typed builders of {@link SoraEndpointBuilderFactory}: the options set so far, turned into an
 * endpoint URI when Camel resolves the endpoint. It plays the part that {@code AbstractEndpointBuilder} of
 * camel-endpointdsl plays for Camel's own components, so that camel-sora's builders need no camel-endpointdsl.
 * <p>
 * Strings (property placeholders resolved), numbers, booleans and enums become query parameters; any other value
 * (a {@code JobStore}, an {@code IdempotentRepository}, ...) is bound in the registry and referenced as
 * {@code #name}. The values of secret options, and text that URI decoding would change (a {@code +}, a {@code %},
 * an {@code &}, a space), go in {@code RAW(...)}, as the component's URI factory writes them for YAML and JBang.
 */
public class SoraEndpointBuilderSupport {

    /** Text that survives a URI's query unchanged without RAW(). */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._~:/,@*!$'\\-]*");

    private final String componentName;
    private final String path;
    private final Set<String> secrets;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> multiValues = new LinkedHashMap<>();

    /**
     * @param componentName the name of the component in the Camel context
     * @param path          the operation
     * @param secrets       the options whose values always go in RAW(...)
     */
    protected SoraEndpointBuilderSupport(String componentName, String path, Set<String> secrets) {
        this.componentName = componentName;
        this.path = path;
        this.secrets = Set.copyOf(secrets);
    }

    public Endpoint resolve(CamelContext context) throws NoSuchEndpointException {
        return context.getEndpoint(uri(context, true, true));
    }

    public <T extends Endpoint> T resolve(CamelContext context, Class<T> endpointType) throws NoSuchEndpointException {
        return endpointType.cast(resolve(context));
    }

    /** The URI as written, with options in name order; values that are not text stay out of it. */
    public String getRawUri() {
        return uri(null, false, false);
    }

    /** The encoded URI, options in name order; values that are not text stay out of it. */
    public String getUri() {
        return uri(null, false, true);
    }

    public void doSetProperty(String name, Object value) {
        properties.put(name, value);
    }

    public void doSetMultiValueProperty(String name, String key, Object value) {
        multiValues.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(key, value);
    }

    public void doSetMultiValueProperties(String name, String prefix, Map<String, Object> values) {
        values.forEach((key, value) -> doSetMultiValueProperty(name, prefix + key, value));
    }

    /** For a dynamic {@code toD}: the unencoded URI as a Simple expression, objects bound in the registry. */
    public Expression expr(CamelContext context) {
        return context.resolveLanguage("simple").createExpression(uri(context, true, false));
    }

    @Override
    public String toString() {
        return getUri();
    }

    private String uri(CamelContext context, boolean bind, boolean encode) {
        Map<String, Object> query = new TreeMap<>();
        addAll(properties, query, context, bind, secrets);
        multiValues.values().forEach(values -> addAll(values, query, context, bind, Set.of()));
        String scheme = componentName;
        String target = path;
        if (context != null) {
            scheme = context.resolvePropertyPlaceholders(scheme);
            target = EndpointHelper.resolveEndpointUriPropertyPlaceholders(context, target);
        }
        String base = scheme + "://" + target;
        if (query.isEmpty()) {
            return base;
        }
        try {
            return base + (target.contains("?") ? "&" : "?") + URISupport.createQueryString(query, encode);
        } catch (Exception e) {
            throw new IllegalArgumentException("Cannot build the query of " + base + ": " + e.getMessage(), e);
        }
    }

    /** RAW(value) for a secret or for text that URI decoding would change; references and RAW values as they are. */
    static String raw(String value, boolean secret) {
        boolean ready = value.startsWith("RAW(") || value.startsWith("RAW{") || value.startsWith("#");
        if (ready || !secret && PLAIN.matcher(value).matches()) {
            return value;
        }
        return value.contains(")") ? "RAW{" + value + "}" : "RAW(" + value + ")";
    }

    private static void addAll(Map<String, Object> values, Map<String, Object> query, CamelContext context,
                               boolean bind, Set<String> secrets) {
        values.forEach((name, value) -> {
            if (value instanceof String text) {
                String resolved = context == null
                        ? text : context.getCamelContextExtension().resolvePropertyPlaceholders(text, true);
                // an optional placeholder ({{?name}}) without a value leaves the option out
                if (resolved != null && !resolved.startsWith(PropertiesComponent.PREFIX_OPTIONAL_TOKEN)) {
                    query.put(name, raw(resolved, secrets.contains(name)));
                }
            } else if (value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
                query.put(name, value.toString());
            } else if (value != null && context != null && bind) {
                String id = "sora-dsl-" + name + "-" + Integer.toHexString(System.identityHashCode(value));
                context.getRegistry().bind(id, value);
                query.put(name, "#" + id);
            }
        });
    }
}
