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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Streams a successful response body into a file as it arrives (never whole in memory); keeps at most a small
 * prefix of an error body, to report the API's error. The file is only opened once the status is known to be a
 * success, so an error page can never end up where a video should be.
 */
final class FileResponseConsumer extends AbstractBinResponseConsumer<FileResponseConsumer.Result> {

    /** What arrived: either a file ({@code error == null}) or the head of an error body. */
    record Result(ResponseHead head, long bytes, byte[] error) implements HttpOutcome {
    }

    private static final int CHUNK = 64 * 1024;
    private static final int MAX_ERROR_BYTES = 64 * 1024;

    private final Path target;
    private final long maxBytes;
    private ResponseHead head;
    private FileChannel channel;
    private ByteArrayOutputStream errorBody;
    private long bytes;

    FileResponseConsumer(Path target, long maxBytes) {
        this.target = target;
        this.maxBytes = maxBytes;
    }

    @Override
    protected void start(HttpResponse response, ContentType type) throws IOException {
        head = ResponseHead.of(response, type);
        Long declaredLength = head.declaredLength();
        boolean media = head.success() && !VideosClient.looksLikeJsonOrText(head.contentType());
        if (media && declaredLength != null && declaredLength > maxBytes) {
            // refuse before the first byte is written
            throw new ResponseTooLargeException(head.status(), declaredLength, maxBytes);
        }
        if (media) {
            // no TRUNCATE_EXISTING on the (fresh, empty) temporary file: on ext4 a truncating open makes close()
            // flush the whole file to disk synchronously (auto_da_alloc), a third of a second per GiB
            try {
                channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                if (channel.size() > 0) {
                    channel.truncate(0); // a retry into the same file
                }
            } catch (IOException e) {
                throw new LocalStorageException(target, e);
            }
        } else {
            errorBody = new ByteArrayOutputStream();
        }
    }

    @Override
    protected int capacityIncrement() {
        return CHUNK;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        if (channel != null) {
            if (bytes + src.remaining() > maxBytes) {
                throw new ResponseTooLargeException(head.status(), bytes + src.remaining(), maxBytes);
            }
            try {
                while (src.hasRemaining()) {
                    bytes += channel.write(src);
                }
            } catch (IOException e) {
                throw new LocalStorageException(target, e);
            }
        } else if (errorBody != null) {
            int room = MAX_ERROR_BYTES - errorBody.size();
            int take = Math.min(room, src.remaining());
            byte[] chunk = new byte[take];
            src.get(chunk);
            errorBody.write(chunk, 0, take);
            src.position(src.limit());
        }
    }

    @Override
    protected Result buildResult() {
        closeChannel();
        return new Result(head, bytes, errorBody == null ? null : errorBody.toByteArray());
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
                // the caller verifies the file anyway; nothing more to do here
            }
            channel = null;
        }
    }

    /**
     * Writing the download failed on this machine (disk full, permissions): not a transport failure, so never
     * retried as one.
     */
    static final class LocalStorageException extends IOException {
        private static final long serialVersionUID = 1L;

        LocalStorageException(Path file, IOException cause) {
            super("cannot write " + file.getFileName() + ": " + cause.getMessage(), cause);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort: a temp file in the output directory
        }
    }
}
