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
package io.github.camelsora;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.camelsora.api.SoraFetchException;
import io.github.camelsora.hostile.TlsFront;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reference image named by URL that must be fitted is fetched by the component itself, through the safe fetcher:
 * over https with the configured trust, from an internal address only when explicitly allowed.
 */
class ReferenceImageUrlIT extends CamelTestSupport {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder().renderTime(Duration.ofSeconds(1)).build();

    @TempDir
    static Path output;

    static HttpsServer images;
    static ExecutorService imageThreads;
    static final AtomicInteger FETCHES = new AtomicInteger();

    @BeforeAll
    static void serveImage() throws Exception {
        BufferedImage square = new BufferedImage(1000, 1000, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(square, "png", png);
        byte[] body = png.toByteArray();
        images = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        images.setHttpsConfigurator(new HttpsConfigurator(TlsFront.serverContext()));
        images.createContext("/square.png", exchange -> {
            FETCHES.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        imageThreads = Executors.newFixedThreadPool(2);
        images.setExecutor(imageThreads);
        images.start();
    }

    @AfterAll
    static void stopImages() {
        images.stop(0);
        imageThreads.shutdownNow();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("trustTestCertificate", TransportSecurityIT.trustTestCertificate());
        SoraComponent sora = TestSora.component(SIM.baseUrl(), SIM.apiKey(), output, 200);
        context.addComponent("sora", sora);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:allowed").to("sora:generate?inputReferenceFit=crop&allowInternalImageUrls=true"
                                          + "&sslContextParameters=#trustTestCertificate");
                from("direct:default").to("sora:generate?inputReferenceFit=crop"
                                          + "&sslContextParameters=#trustTestCertificate");
            }
        };
    }

    private String imageUrl() {
        return "https://localhost:" + images.getAddress().getPort() + "/square.png";
    }

    @Test
    void fetchesCropsAndUploadsAnImageUrlWhenAllowed() throws Exception {
        int createsBefore = SIM.simulator().totalCreates();

        Exchange result = template.request("direct:allowed", e -> {
            e.getMessage().setBody("A lantern on a pier");
            e.getMessage().setHeader(SoraConstants.INPUT_REFERENCE, imageUrl());
        });

        // the simulator refuses a reference whose size is not the video's: success means it was fetched and cropped
        assertThat(result.getException()).isNull();
        assertThat(FETCHES).hasPositiveValue();
        assertThat(SIM.simulator().totalCreates()).isEqualTo(createsBefore + 1);
    }

    @Test
    void refusesAnInternalAddressByDefaultBeforeAnythingIsBilled() {
        int createsBefore = SIM.simulator().totalCreates();
        int fetchesBefore = FETCHES.get();

        Exchange result = template.request("direct:default", e -> {
            e.getMessage().setBody("A lantern on a pier");
            e.getMessage().setHeader(SoraConstants.INPUT_REFERENCE, imageUrl());
        });

        assertThat(result.getException()).isInstanceOf(SoraFetchException.class);
        assertThat(FETCHES).hasValue(fetchesBefore);
        assertThat(SIM.simulator().totalCreates()).isEqualTo(createsBefore);
    }
}
