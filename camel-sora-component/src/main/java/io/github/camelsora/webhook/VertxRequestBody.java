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

import java.util.concurrent.CompletableFuture;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * Reads the body of a request that platform-http's Vert.x engine hands over unread ({@code useBodyHandler=false}:
 * the body is the paused {@link HttpServerRequest}), at most {@code max} bytes: past that it stops reading, leaves
 * the rest unread (the request stays paused) and fails with {@link PayloadTooLargeException}. No thread waits: the
 * chunks arrive on the request's event loop.
 * <p>
 * Loaded only when the body is a Vert.x request, so the component does not need Vert.x otherwise; its methods take
 * and return no Vert.x type.
 */
final class VertxRequestBody {

    private VertxRequestBody() {
    }

    /** Whether the body is an unread Vert.x request. */
    static boolean accepts(Object body) {
        return body instanceof HttpServerRequest;
    }

    /**
     * A request whose body stays unread leaves its HTTP/1.x connection unable to carry another request: the answer
     * says {@code Connection: close} and the connection is closed once it is written, so that neither side holds it
     * open (an HTTP/2 stream ends with its answer).
     */
    private static void closeOnceAnswered(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            return;
        }
        request.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        request.response().endHandler(ignored -> request.connection().close());
    }

    static CompletableFuture<byte[]> read(Object body, int max) {
        HttpServerRequest request = (HttpServerRequest) body;
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.trim().matches("\\d{1,18}") && Long.parseLong(declared.trim()) > max) {
            closeOnceAnswered(request);
            result.completeExceptionally(new PayloadTooLargeException(max)); // nothing read: the request stays paused
            return result;
        }
        Runnable start = () -> {
            try {
                Buffer payload = Buffer.buffer();
                request.exceptionHandler(result::completeExceptionally);
                request.handler(chunk -> {
                    if (result.isDone()) {
                        return;
                    }
                    if ((long) payload.length() + chunk.length() > max) {
                        request.pause(); // the rest stays unread: the client is answered 413 and may stop sending
                        closeOnceAnswered(request);
                        result.completeExceptionally(new PayloadTooLargeException(max));
                        return;
                    }
                    payload.appendBuffer(chunk);
                });
                request.endHandler(end -> result.complete(payload.getBytes()));
                if (request.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
                    request.response().writeContinue(); // the declared length was checked already
                }
                request.resume();
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        };
        // the request's handlers belong on its event loop; platform-http calls processors on a worker of that context
        Context context = Vertx.currentContext();
        if (context != null) {
            context.runOnContext(ignored -> start.run());
        } else {
            start.run();
        }
        return result;
    }
}
