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
package io.github.camelsora.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Entry point of every request: counts it, checks the bearer key, matches method and path to a
 * {@link Route}, answers a queued fault if any, then delegates to that route's handler.
 */
final class VideosRouter implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(VideosRouter.class.getName());
    private static final String PREFIX = "/v1/videos";
    /** Sub-resources of /videos; not to be taken for video ids. */
    private static final Set<String> COLLECTIONS = Set.of("edits", "extensions", "characters");

    private record Target(Route route, String videoId) {
    }

    private final SimulatorState state;
    private final Map<Route, EndpointHandler> handlers = new EnumMap<>(Route.class);

    VideosRouter(SimulatorState state) {
        this.state = state;
        handlers.put(Route.CREATE, new CreateVideoHandler(state));
        handlers.put(Route.RETRIEVE, new RetrieveVideoHandler(state));
        handlers.put(Route.LIST, new ListVideosHandler(state));
        handlers.put(Route.DELETE, new DeleteVideoHandler(state));
        handlers.put(Route.CONTENT, new VideoContentHandler(state));
        handlers.put(Route.REMIX, new DerivedVideoHandler(state, DerivedVideoHandler.Kind.REMIX));
        handlers.put(Route.EDIT, new DerivedVideoHandler(state, DerivedVideoHandler.Kind.EDIT));
        handlers.put(Route.EXTEND, new DerivedVideoHandler(state, DerivedVideoHandler.Kind.EXTEND));
        handlers.put(Route.CREATE_CHARACTER, new CreateCharacterHandler(state));
        handlers.put(Route.GET_CHARACTER, new GetCharacterHandler(state));
        handlers.put(Route.RESULT_FILE, new ResultFileHandler(state, (VideoContentHandler) handlers.get(Route.CONTENT)));
    }

    @Override
    public void handle(HttpExchange http) {
        ApiExchange exchange = new ApiExchange(http);
        Dialect dialect = state.dialect;
        if (dialect == Dialect.LITELLM) {
            exchange.useOpaqueIds();
        }
        try {
            state.counters.request();
            Target target;
            EndpointHandler handler;
            if (exchange.rawPath().startsWith(ResultLinks.PATH)) {
                // signed links carry their own authorization: no key, as on a storage bucket
                if (!exchange.method().equals("GET")) {
                    throw methodNotAllowed(exchange.method(), exchange.rawPath(), "GET");
                }
                target = new Target(Route.RESULT_FILE, exchange.rawPath().substring(ResultLinks.PATH.length()));
                handler = handlers.get(target.route());
            } else if (dialect == Dialect.GEMINI) {
                GeminiDialect.authenticate(exchange, state);
                GeminiDialect.Target gemini = GeminiDialect.resolve(exchange.method(), exchange.rawPath());
                target = new Target(gemini.route(), gemini.id());
                handler = GeminiDialect.handler(gemini.route(), state);
            } else if (dialect == Dialect.BEDROCK) {
                BedrockDialect.authenticate(exchange, state);
                GeminiDialect.Target bedrock = BedrockDialect.resolve(exchange.method(), exchange.rawPath());
                target = new Target(bedrock.route(), bedrock.id());
                handler = BedrockDialect.handler(bedrock.route(), state);
            } else if (dialect == Dialect.VERTEX) {
                VertexDialect.authenticate(exchange, state);
                GeminiDialect.Target vertex = VertexDialect.resolve(exchange.method(), exchange.rawPath());
                target = new Target(vertex.route(), vertex.id());
                handler = VertexDialect.handler(vertex.route(), state);
            } else {
                authenticate(exchange, dialect);
                target = resolve(exchange.method(), exchange.rawPath(), dialect);
                handler = handlers.get(target.route());
            }
            FaultInjector.Fault fault = state.faults.next(target.route()).orElse(null);
            if (fault instanceof FaultInjector.Error error) {
                throw error.error();
            }
            if (fault instanceof FaultInjector.Delay delay) {
                pause(delay.delay());
            }
            if (fault instanceof FaultInjector.Drop drop) {
                // no answer at all: closing an exchange that sent no headers closes the connection
                exchange.dropResponse();
                if (!drop.afterProcessing()) {
                    return;
                }
            }
            if (fault instanceof FaultInjector.Truncate truncate) {
                exchange.truncateBody(truncate.fraction());
            }
            handler.handle(exchange, target.videoId());
        } catch (ApiException e) {
            answer(exchange, e);
        } catch (IOException | RuntimeException e) {
            if (!exchange.hasResponded()) {
                LOG.log(Level.ERROR, "request " + exchange.requestId() + " failed", e);
                answer(exchange, new ApiException(500, "server_error", "The simulator failed to process the request ("
                        + e.getClass().getSimpleName() + "). Request id: " + exchange.requestId(), null, null, null));
            }
        } finally {
            if (state.recorder.enabled()) {
                state.recorder.add(exchange.recorded());
            }
            http.close();
        }
    }

    private static void pause(java.time.Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(ApiExchange exchange, ApiException error) {
        try {
            if (state.dialect == Dialect.BEDROCK) {
                exchange.sendJson(error.status(), BedrockDialect.errorBody(error), BedrockDialect.errorHeaders(error));
                return;
            }
            if (state.dialect == Dialect.GEMINI || state.dialect == Dialect.VERTEX) {
                exchange.sendJson(error.status(), GeminiDialect.errorBody(error), error.headers());
                return;
            }
            exchange.sendError(error, state.dialect);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "could not send the error answer of " + exchange.requestId(), e);
        }
    }

    /** 401 for a missing or wrong bearer key; the message never repeats the key that was sent. */
    private void authenticate(ApiExchange exchange, Dialect dialect) throws ApiException {
        if (dialect == Dialect.INWORLD) {
            // docs.inworld.ai: Authorization: Basic $INWORLD_API_KEY (the key is the Base64 credential)
            String authorization = exchange.requestHeader("Authorization");
            String trimmed = authorization == null ? "" : authorization.trim();
            if (trimmed.length() < 6 || !trimmed.regionMatches(true, 0, "Basic ", 0, 6)
                || !MessageDigest.isEqual(trimmed.substring(6).trim().getBytes(StandardCharsets.UTF_8),
                        state.apiKey.getBytes(StandardCharsets.UTF_8))) {
                throw new ApiException(401, ApiException.INVALID_REQUEST, "Use Authorization: Basic with your key.",
                        null, "invalid_api_key", Map.of("WWW-Authenticate", "Basic"));
            }
            return;
        }
        String apiKeyHeader = exchange.requestHeader("api-key");
        if (dialect == Dialect.AZURE && apiKeyHeader != null) {
            // Azure: the resource key in api-key; an Entra token would come as a bearer token instead
            if (!MessageDigest.isEqual(apiKeyHeader.trim().getBytes(StandardCharsets.UTF_8),
                    state.apiKey.getBytes(StandardCharsets.UTF_8))) {
                throw unauthorized("Access denied due to invalid subscription key or wrong API endpoint.");
            }
            return;
        }
        String authorization = exchange.requestHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw unauthorized("You didn't provide an API key. You need to provide your API key in an Authorization header"
                    + " using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
        }
        String trimmed = authorization.trim();
        if (trimmed.length() < 7 || !trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("The Authorization header must use Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
        }
        byte[] given = trimmed.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        // constant-time comparison, as a real server would do
        if (!MessageDigest.isEqual(given, state.apiKey.getBytes(StandardCharsets.UTF_8))) {
            throw unauthorized("Incorrect API key provided. Use the key the simulator was started with.");
        }
    }

    private static ApiException unauthorized(String message) {
        return new ApiException(401, ApiException.INVALID_REQUEST, message, null, "invalid_api_key",
                Map.of("WWW-Authenticate", "Bearer"));
    }

    private static Target resolve(String method, String rawPath, Dialect dialect) throws ApiException {
        Target target = route(method, rawPath, dialect);
        if (!dialect.routes().contains(target.route())) {
            if (dialect == Dialect.LITELLM && target.route() == Route.DELETE) {
                throw methodNotAllowed(method, rawPath, "GET");
            }
            throw ApiException.notFound("Not Found: " + dialect + " has no " + method + " " + rawPath + ".", null);
        }
        return target;
    }

    private static Target route(String method, String rawPath, Dialect dialect) throws ApiException {
        String prefix = dialect.basePath() + "/videos";
        if (!rawPath.equals(prefix) && !rawPath.startsWith(prefix + "/")) {
            throw invalidUrl(method, rawPath);
        }
        String rest = rawPath.substring(prefix.length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (rest.isEmpty()) {
            return switch (method) {
                case "POST" -> new Target(Route.CREATE, null);
                case "GET" -> new Target(Route.LIST, null);
                default -> throw methodNotAllowed(method, rawPath, "GET, POST");
            };
        }
        String[] segments = rest.substring(1).split("/", -1);
        String first = decode(segments[0]);
        if (COLLECTIONS.contains(first)) {
            return collection(method, rawPath, first, segments, dialect);
        }
        String videoId = dialect == Dialect.LITELLM ? OpaqueIds.decode(first) : first;
        if (videoId.isEmpty()) {
            throw invalidUrl(method, rawPath);
        }
        if (segments.length == 1) {
            return switch (method) {
                case "GET" -> new Target(Route.RETRIEVE, videoId);
                case "DELETE" -> new Target(Route.DELETE, videoId);
                default -> throw methodNotAllowed(method, rawPath, "GET, DELETE");
            };
        }
        if (segments.length == 2 && segments[1].equals("content")) {
            if (!method.equals("GET")) {
                throw methodNotAllowed(method, rawPath, "GET");
            }
            return new Target(Route.CONTENT, videoId);
        }
        if (segments.length == 2 && segments[1].equals("remix")) {
            if (!method.equals("POST")) {
                throw methodNotAllowed(method, rawPath, "POST");
            }
            return new Target(Route.REMIX, videoId);
        }
        throw invalidUrl(method, rawPath);
    }

    /** {@code /videos/edits}, {@code /videos/extensions}, {@code /videos/characters[/{id}]}. */
    private static Target collection(String method, String rawPath, String name, String[] segments, Dialect dialect)
            throws ApiException {
        if (segments.length == 1) {
            if (!method.equals("POST")) {
                throw methodNotAllowed(method, rawPath, "POST");
            }
            return new Target(switch (name) {
                case "edits" -> Route.EDIT;
                case "extensions" -> Route.EXTEND;
                default -> Route.CREATE_CHARACTER;
            }, null);
        }
        if (segments.length == 2 && name.equals("characters") && !segments[1].isEmpty()) {
            if (!method.equals("GET")) {
                throw methodNotAllowed(method, rawPath, "GET");
            }
            String id = decode(segments[1]);
            return new Target(Route.GET_CHARACTER, dialect == Dialect.LITELLM ? OpaqueIds.decode(id) : id);
        }
        throw invalidUrl(method, rawPath);
    }

    private static ApiException invalidUrl(String method, String rawPath) {
        return ApiException.notFound("Invalid URL (" + method + " " + rawPath + "). The simulator serves POST/GET "
                + PREFIX + ", GET/DELETE " + PREFIX + "/{video_id}, GET " + PREFIX + "/{video_id}/content, POST " + PREFIX
                + "/{video_id}/remix, POST " + PREFIX + "/edits, POST " + PREFIX + "/extensions, POST " + PREFIX
                + "/characters and GET " + PREFIX + "/characters/{character_id}.", null);
    }

    private static ApiException methodNotAllowed(String method, String rawPath, String allowed) {
        return new ApiException(405, ApiException.INVALID_REQUEST, "Method " + method + " is not allowed on " + rawPath
                + ". Allowed: " + allowed + ".", null, "method_not_allowed", Map.of("Allow", allowed));
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return segment;
        }
    }
}
