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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Buffers a JSON (or error) response body in memory, up to a cap: HttpClient's SimpleResponseConsumer would buffer
 * a hostile server's endless body until the heap runs out. Past the cap, the exchange fails with
 * {@link ResponseTooLargeException} and the connection is dropped.
 */
final class BufferedResponseConsumer extends AbstractBinResponseConsumer<BufferedResponseConsumer.Result> {

    /** What arrived: the head and the body. */
    record Result(ResponseHead head, byte[] body) implements HttpOutcome {
    }

    private final long maxBytes;
    private ResponseHead head;
    private ByteArrayOutputStream body;

    BufferedResponseConsumer(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void start(HttpResponse response, ContentType type) throws IOException {
        head = ResponseHead.of(response, type);
        Long declared = head.declaredLength();
        if (declared != null && declared > maxBytes) {
            throw new ResponseTooLargeException(head.status(), declared, maxBytes);
        }
        body = new ByteArrayOutputStream(declared == null ? 1024 : (int) Math.max(16, declared));
    }

    @Override
    protected int capacityIncrement() {
        return 8 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        if (body.size() + (long) src.remaining() > maxBytes) {
            throw new ResponseTooLargeException(head.status(), body.size() + (long) src.remaining(), maxBytes);
        }
        byte[] chunk = new byte[src.remaining()];
        src.get(chunk);
        body.write(chunk);
    }

    @Override
    protected Result buildResult() {
        return new Result(head, body == null ? new byte[0] : body.toByteArray());
    }

    @Override
    public void releaseResources() {
        // the buffer goes with the consumer
    }
}
