package io.github.camelsora.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Buffers a JSON (or error) response body in memory, up to a cap: HttpClient's SimpleResponseConsumer would buffer
 * a hostile server's endless body until the heap runs out. Past the cap, the exchange fails with
 * {@link ResponseTooLargeException} and the connection is dropped.
 */
final class BufferedResponseConsumer extends AbstractBinResponseConsumer<BufferedResponseConsumer.Result> {

    /** What arrived: status, the headers the client reads, and the body. */
    record Result(int status, String contentType, String requestId, String location, String pollAfterMs,
                  byte[] body, java.time.Duration retryAfter) implements HttpOutcome {
    }

    private final long maxBytes;
    private int status;
    private String contentType;
    private String requestId;
    private String location;
    private String pollAfterMs;
    private java.time.Duration retryAfter;
    private ByteArrayOutputStream body;

    BufferedResponseConsumer(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void start(HttpResponse response, ContentType type) throws IOException {
        status = response.getCode();
        contentType = type == null ? null : type.getMimeType();
        requestId = header(response, "x-request-id");
        location = header(response, "Location");
        pollAfterMs = header(response, "openai-poll-after-ms");
        retryAfter = VideosClient.retryAfter(response.getFirstHeader("Retry-After-Ms"),
                response.getFirstHeader("Retry-After"));
        Long declared = FileResponseConsumer.declaredLength(response);
        if (declared != null && declared > maxBytes) {
            throw new ResponseTooLargeException(status, declared, maxBytes);
        }
        body = new ByteArrayOutputStream(declared == null ? 1024 : (int) Math.max(16, declared));
    }

    static String header(HttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    @Override
    protected int capacityIncrement() {
        return 8 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        if (body.size() + (long) src.remaining() > maxBytes) {
            throw new ResponseTooLargeException(status, body.size() + (long) src.remaining(), maxBytes);
        }
        byte[] chunk = new byte[src.remaining()];
        src.get(chunk);
        body.write(chunk);
    }

    @Override
    protected Result buildResult() {
        return new Result(status, contentType, requestId, location, pollAfterMs,
                body == null ? new byte[0] : body.toByteArray(), retryAfter);
    }

    @Override
    public void releaseResources() {
        // the buffer goes with the consumer
    }
}
