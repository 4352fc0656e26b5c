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

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The safe-fetch utility on its own, against a real HTTPS server on loopback (test certificate). */
class SafeFetcherTest {

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

    static HttpsServer server;
    static ExecutorService executor = Executors.newFixedThreadPool(4);
    static final CountDownLatch release = new CountDownLatch(1);
    static SSLContext clientTrust;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        KeyStore keys = load("/tls/localhost.p12");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load("/tls/truststore.p12"));
        clientTrust = SSLContext.getInstance("TLS");
        clientTrust.init(null, tmf.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.setExecutor(executor);
        server.createContext("/image.png", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, PNG.length);
            exchange.getResponseBody().write(PNG);
            exchange.close();
        });
        server.createContext("/big.png", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, no length: the cap must stop it mid-stream
            byte[] chunk = new byte[64 * 1024];
            try {
                for (int i = 0; i < 64; i++) {
                    exchange.getResponseBody().write(chunk);
                }
            } catch (java.io.IOException e) {
                // the client dropped us at its cap
            }
            exchange.close();
        });
        server.createContext("/hang", exchange -> {
            try {
                release.await(20, TimeUnit.SECONDS); // the server hangs; the client's deadline must end the fetch
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/loop", exchange -> {
            exchange.getResponseHeaders().add("Location", "/loop");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/to-http", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + server.getAddress().getPort() + "/x");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/to-image", exchange -> {
            exchange.getResponseHeaders().add("Location", "/image.png");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        server.start();
        base = "https://127.0.0.1:" + server.getAddress().getPort();
    }

    static KeyStore load(String resource) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = SafeFetcherTest.class.getResourceAsStream(resource)) {
            store.load(in, "changeit".toCharArray());
        }
        return store;
    }

    @AfterAll
    static void stop() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    static FetchPolicy local() {
        return FetchPolicy.defaults().withAllowInternalAddresses(true).withSslContext(clientTrust);
    }

    static SoraFetchException failure(FetchPolicy policy, String url) {
        try (SafeFetcher fetcher = new SafeFetcher(policy)) {
            Throwable thrown = catchThrowable(() -> fetcher.fetch(url).join());
            assertThat(thrown).isInstanceOf(CompletionException.class).hasCauseInstanceOf(SoraFetchException.class);
            return (SoraFetchException) thrown.getCause();
        }
    }

    @Test
    void fetchesOverHttpsWhenTheAddressIsAllowed() {
        try (SafeFetcher fetcher = new SafeFetcher(local())) {
            FetchedResource image = fetcher.fetch(base + "/image.png").join();
            assertThat(image.body()).isEqualTo(PNG);
            assertThat(image.contentType()).isEqualTo("image/png");
            FetchedResource redirected = fetcher.fetch(base + "/to-image").join();
            assertThat(redirected.body()).isEqualTo(PNG);
            assertThat(redirected.uri().getPath()).isEqualTo("/image.png");
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "http://example.com/a.png, insecure_scheme",
            "ftp://example.com/a.png, insecure_scheme",
            "file:///etc/passwd, insecure_scheme",
            "jar:file:/x.jar!/a.png, insecure_scheme",
            "https://127.0.0.1/a.png, internal_address",
            "https://10.1.2.3/a.png, internal_address",
            "https://172.16.0.9/a.png, internal_address",
            "https://192.168.1.1/a.png, internal_address",
            "https://169.254.169.254/latest/meta-data/, internal_address",
            "https://100.64.0.1/a.png, internal_address",
            "https://0.0.0.0/a.png, internal_address",
            "https://[::1]/a.png, internal_address",
            "https://[fd00::1]/a.png, internal_address",
            "https://[fe80::1]/a.png, internal_address",
            "https://[::ffff:127.0.0.1]/a.png, internal_address",
            "https://localhost/a.png, internal_address",
            "https://user:pw@example.com/a.png, invalid_url",
            "https:///nohost.png, invalid_url",
            "'not a url', invalid_url"
    })
    void refusesUnsafeUrlsByDefault(String url, String reason) {
        assertThat(failure(FetchPolicy.defaults(), url).getReason()).isEqualTo(reason);
    }

    @Test
    void loopbackIsRefusedAtConnectTimeToo() {
        // the default policy with a DNS name: the check happens in the resolver the connection uses
        SoraFetchException e = failure(FetchPolicy.defaults().withSslContext(clientTrust),
                "https://localhost:" + server.getAddress().getPort() + "/image.png");
        assertThat(e.getReason()).isEqualTo("internal_address");
    }

    @Test
    void capsTheSize() {
        assertThat(failure(local().withMaxBytes(100_000), base + "/big.png").getReason()).isEqualTo("too_large");
    }

    @Test
    void endsAHangingFetchAtTheDeadline() {
        long start = System.nanoTime();
        assertThat(failure(local().withTimeout(Duration.ofMillis(500)), base + "/hang").getReason())
                .isIn("timeout", "transport");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void boundsRedirectsAndRefusesDowngrades() {
        assertThat(failure(local(), base + "/loop").getReason()).isEqualTo("too_many_redirects");
        assertThat(failure(local().withAllowHttp(true), base + "/to-http").getReason()).isEqualTo("insecure_scheme");
    }

    @Test
    void anUntrustedCertificateIsATransportFailure() {
        SoraFetchException e = failure(FetchPolicy.defaults().withAllowInternalAddresses(true), base + "/image.png");
        assertThat(e.getReason()).isEqualTo("transport");
    }

    @Test
    void classifiesAddresses() throws Exception {
        assertThat(Addresses.isInternal(InetAddress.getByName("93.184.216.34"))).isFalse();
        assertThat(Addresses.isInternal(InetAddress.getByName("2606:2800:220:1::1"))).isFalse();
        assertThat(Addresses.isInternal(InetAddress.getByName("127.0.0.2"))).isTrue();
        assertThat(Addresses.isLoopbackHost("LOCALHOST")).isTrue();
        assertThat(Addresses.isLoopbackHost("127.1.2.3")).isTrue();
        assertThat(Addresses.isLoopbackHost("localhost.example.com")).isFalse();
        assertThat(Addresses.isLoopbackHost("10.0.0.1")).isFalse();
    }
}
