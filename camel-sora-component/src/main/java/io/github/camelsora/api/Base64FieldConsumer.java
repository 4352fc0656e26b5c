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
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;

import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Reads a JSON answer that carries a file as a base64 string (Vertex AI's
 * {@code response.videos[].bytesBase64Encoded}) and decodes the first such string into a file as it arrives: the
 * video is never whole in memory, neither as base64 nor as bytes. The rest of the JSON (small: the operation's name,
 * {@code done}, the MIME type) is kept, with that string emptied, for the caller to parse. Any later string of the
 * same field is skipped, not kept; with no target file, every one is. A non-2xx answer keeps at most 64 KiB of its body, to report the error.
 */
final class Base64FieldConsumer extends AbstractBinResponseConsumer<Base64FieldConsumer.Result> {

    /**
     * What arrived.
     *
     * @param json    the answer without the decoded strings (or the head of an error body)
     * @param bytes   bytes decoded into the file; 0 and no file when the field did not occur
     * @param decoded whether the field occurred (the file holds its bytes)
     */
    record Result(ResponseHead head, byte[] json, long bytes, boolean decoded) implements HttpOutcome {
    }

    private static final int MAX_ERROR_BYTES = 64 * 1024;
    private static final int DECODE_CHUNK = 64 * 1024; // base64 characters decoded at once (a multiple of 4)

    private enum State { SCAN, BEFORE_VALUE, VALUE, ESCAPE, SKIP_VALUE, SKIP_ESCAPE }

    private final Path target;
    private final long maxFileBytes;
    private final long maxJsonBytes;
    private final byte[] key;
    private ResponseHead head;
    private ByteArrayOutputStream json;
    private boolean error;
    private State state = State.SCAN;
    private int matched;
    private boolean done;
    private FileChannel channel;
    private final byte[] pending = new byte[DECODE_CHUNK];
    private int pendingLength;
    private long bytes;

    Base64FieldConsumer(String field, Path target, long maxFileBytes, long maxJsonBytes) {
        this.key = ("\"" + field + "\"").getBytes(StandardCharsets.US_ASCII);
        this.target = target;
        this.maxFileBytes = maxFileBytes;
        this.maxJsonBytes = maxJsonBytes;
        this.done = target == null; // no file: every such string is skipped
    }

    @Override
    protected void start(HttpResponse response, ContentType type) {
        head = ResponseHead.of(response, type);
        error = !head.success();
        json = new ByteArrayOutputStream(1024);
    }

    @Override
    protected int capacityIncrement() {
        return 64 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        if (error) {
            int take = Math.min(MAX_ERROR_BYTES - json.size(), src.remaining());
            byte[] chunk = new byte[take];
            src.get(chunk);
            json.write(chunk, 0, take);
            src.position(src.limit());
            return;
        }
        while (src.hasRemaining()) {
            byte b = src.get();
            switch (state) {
                case SCAN -> {
                    keep(b);
                    matched = b == key[matched] ? matched + 1 : (b == key[0] ? 1 : 0);
                    if (matched == key.length) {
                        matched = 0;
                        state = State.BEFORE_VALUE;
                    }
                }
                case BEFORE_VALUE -> {
                    keep(b);
                    if (b == '"') {
                        state = done ? State.SKIP_VALUE : State.VALUE;
                        if (!done) {
                            open();
                        }
                    } else if (b != ':' && b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                        state = State.SCAN; // not a string value: an odd document, left to the caller's parse
                    }
                }
                case VALUE -> {
                    if (b == '"') {
                        finishValue();
                        keep(b);
                        state = State.SCAN;
                    } else if (b == '\\') {
                        state = State.ESCAPE;
                    } else {
                        base64(b);
                    }
                }
                case ESCAPE -> {
                    // base64 needs no escape, but a JSON writer may still write "\/"; anything else is not base64
                    if (b != '/') {
                        throw new IOException("unexpected escape in a base64 string");
                    }
                    base64(b);
                    state = State.VALUE;
                }
                case SKIP_VALUE -> {
                    if (b == '"') {
                        keep(b);
                        state = State.SCAN;
                    } else if (b == '\\') {
                        state = State.SKIP_ESCAPE;
                    }
                }
                case SKIP_ESCAPE -> state = State.SKIP_VALUE;
                default -> throw new IllegalStateException(state.name());
            }
        }
    }

    private void keep(byte b) throws IOException {
        if (json.size() >= maxJsonBytes) {
            throw new ResponseTooLargeException(head.status(), json.size() + 1L, maxJsonBytes);
        }
        json.write(b);
    }

    private void open() throws IOException {
        try {
            channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new FileResponseConsumer.LocalStorageException(target, e);
        }
    }

    private void base64(byte b) throws IOException {
        if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
            return;
        }
        pending[pendingLength++] = b;
        if (pendingLength == pending.length) {
            flush(false);
        }
    }

    private void flush(boolean last) throws IOException {
        int usable = last ? pendingLength : pendingLength - pendingLength % 4;
        if (usable == 0) {
            return;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(java.util.Arrays.copyOf(pending, usable));
        } catch (IllegalArgumentException e) {
            throw new IOException("the base64 string is not valid: " + e.getMessage());
        }
        if (bytes + decoded.length > maxFileBytes) {
            throw new ResponseTooLargeException(head.status(), bytes + decoded.length, maxFileBytes);
        }
        ByteBuffer out = ByteBuffer.wrap(decoded);
        try {
            while (out.hasRemaining()) {
                bytes += channel.write(out);
            }
        } catch (IOException e) {
            throw new FileResponseConsumer.LocalStorageException(target, e);
        }
        System.arraycopy(pending, usable, pending, 0, pendingLength - usable);
        pendingLength -= usable;
    }

    private void finishValue() throws IOException {
        flush(true);
        closeChannel();
        done = true;
    }

    @Override
    protected Result buildResult() {
        closeChannel();
        return new Result(head, json == null ? new byte[0] : json.toByteArray(), bytes, target != null && done);
    }

    @Override
    public void releaseResources() {
        closeChannel();
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // the caller checks the file anyway
            }
            channel = null;
        }
    }
}
