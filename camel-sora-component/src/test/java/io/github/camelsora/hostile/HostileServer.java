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
package io.github.camelsora.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A deliberately badly behaved server of the /v1/videos protocol, on raw sockets so that it can do what no
 * well-behaved HTTP server library allows: lie about lengths, drip bytes, reset connections, stay silent. Each
 * route (create, retrieve, content) answers with a scripted {@link Responder}; every request is recorded.
 */
public final class HostileServer implements AutoCloseable {

    /** One received request; header names are lower case. */
    public record Request(String method, String path, Map<String, String> headers, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The video id in {@code /v1/videos/{id}} or {@code /v1/videos/{id}/content}. */
        public String videoId() {
            String rest = path.substring("/v1/videos/".length());
            int end = rest.indexOf('/');
            rest = end < 0 ? rest : rest.substring(0, end);
            int query = rest.indexOf('?');
            return query < 0 ? rest : rest.substring(0, query);
        }
    }

    /** Writes a response (or misbehaves) on the socket of one request. */
    @FunctionalInterface
    public interface Responder {
        void respond(Request request, Socket socket, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "hostile-server");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Responder create;
    private volatile Responder retrieve;
    private volatile Responder content;
    private volatile boolean closed;

    public HostileServer() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        connections.execute(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public long count(String method, String pathPrefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).count();
    }

    /** Forgets the requests and scripts the three routes. */
    public void script(Responder create, Responder retrieve, Responder content) {
        requests.clear();
        this.create = create;
        this.retrieve = retrieve;
        this.content = content;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(30_000);
            Request request = read(socket.getInputStream());
            if (request == null) {
                return;
            }
            requests.add(request);
            Responder responder;
            if (request.method().equals("POST") && request.path().equals("/v1/videos")) {
                responder = create;
            } else if (request.method().equals("GET") && request.path().matches("/v1/videos/[^/?]+/content.*")) {
                responder = content;
            } else if (request.method().equals("GET") && request.path().matches("/v1/videos/[^/?]+")) {
                responder = retrieve;
            } else {
                responder = json(404, "{\"error\":{\"message\":\"no route\",\"type\":\"invalid_request_error\"}}");
            }
            OutputStream out = socket.getOutputStream();
            responder.respond(request, socket, out);
            out.flush();
        } catch (IOException e) {
            // the client hung up or we reset: both are part of the game
        }
    }

    private static Request read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = new TreeMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Request(parts[0], parts[1], headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = bytes.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        connections.shutdownNow();
    }

    // ---- responders -------------------------------------------------------------------------------------------

    public static Responder json(int status, String body) {
        return response(status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    public static Responder response(int status, String contentType, byte[] body, String... headers) {
        return (request, socket, out) -> {
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" Hostile\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            head.append("Content-Length: ").append(body.length).append("\r\n");
            for (String header : headers) {
                head.append(header).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
        };
    }

    /** Exactly these bytes, headers and all. */
    public static Responder raw(byte[] bytes) {
        return (request, socket, out) -> out.write(bytes);
    }

    public static Responder raw(String text) {
        return raw(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A redirect to {@code location}, resolved by the client. */
    public static Responder redirect(int status, String location) {
        return response(status, "text/plain", new byte[0], "Location: " + location);
    }

    /** Headers, then the body one byte per {@code interval}, never ending (until the client gives up). */
    public static Responder drip(String contentType, byte[] body, Duration interval) {
        return (request, socket, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                       + (body.length * 1000L) + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            for (int i = 0; System.nanoTime() < until; i++) {
                out.write(body[i % body.length]);
                out.flush();
                LockSupport.parkNanos(interval.toNanos()); // pacing the drip, not waiting for a result
            }
        };
    }

    /** Sends {@code prefix} of a response, then resets the connection (RST, not FIN). */
    public static Responder resetAfter(byte[] prefix) {
        return (request, socket, out) -> {
            out.write(prefix);
            out.flush();
            reset(socket);
        };
    }

    /** Reads until the client hangs up, never answering. */
    public static Responder silent() {
        return (request, socket, out) -> {
            try {
                socket.setSoTimeout(20_000);
                while (socket.getInputStream().read() != -1) {
                    // swallow
                }
            } catch (IOException e) {
                // the client gave up
            }
        };
    }

    /** The first responders once each, then the last one for ever. */
    public static Responder sequence(Responder... responders) {
        AtomicInteger calls = new AtomicInteger();
        return (request, socket, out) -> responders[Math.min(calls.getAndIncrement(), responders.length - 1)]
                .respond(request, socket, out);
    }

    /** A retrieve answer about the requested video with this status (and optional extra JSON members). */
    public static Responder status(String status, String extraMembers) {
        return (request, socket, out) -> json(200, "{\"id\":\"" + request.videoId() + "\",\"object\":\"video\","
                                                   + "\"status\":\"" + status + "\",\"progress\":50"
                                                   + (extraMembers.isEmpty() ? "" : "," + extraMembers) + "}")
                .respond(request, socket, out);
    }

    static void reset(Socket socket) throws SocketException, IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }
}
