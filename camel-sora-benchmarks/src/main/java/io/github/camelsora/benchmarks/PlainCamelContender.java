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
package io.github.camelsora.benchmarks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * Plain Camel as its documentation suggests for polling an asynchronous job: camel-http to create, then
 * {@code loopDoWhile} with {@code delay(...).syncDelayed()} and a status request until the job is done, then a
 * download to a file. Each job holds a thread from its first request to its download; to have all jobs in flight at
 * once, the SEDA consumer gets one thread per job.
 */
final class PlainCamelContender implements Contender {

    private final Target target;
    private final int queueSize;
    private final CamelContext camel = new DefaultCamelContext();
    private final Map<String, Consumer<Delivery>> waiting = new ConcurrentHashMap<>();
    private ProducerTemplate template;

    PlainCamelContender(Target target, int queueSize) {
        this.target = target;
        this.queueSize = queueSize;
    }

    @Override
    public String name() {
        return "plain Camel";
    }

    @Override
    public void start() throws Exception {
        String videos = target.baseUrl() + "/videos";
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).process(exchange -> finish(exchange,
                        exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)));

                from("seda:generate?concurrentConsumers=" + target.threads() + "&limitConcurrentConsumers=false&size=" + queueSize)
                        .routeId("plain-generate")
                        .setProperty("prompt", body())
                        .process(exchange -> {
                            Map<String, String> request = new LinkedHashMap<>();
                            request.put("prompt", exchange.getMessage().getBody(String.class));
                            request.put("model", "sora-2");
                            request.put("seconds", "4");
                            request.put("size", "720x1280");
                            exchange.getMessage().setBody(request);
                        })
                        .marshal().json(JsonLibrary.Jackson)
                        .setHeader("Authorization", constant("Bearer " + target.apiKey()))
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .to(videos)
                        .setProperty("videoId", jsonpath("$.id"))
                        .setProperty("status", jsonpath("$.status"))
                        .loopDoWhile(simple("${exchangeProperty.status} in 'queued,in_progress'"))
                            .delay(target.pollEvery().toMillis()).syncDelayed().end()
                            .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                            .setBody(constant(null))
                            .toD(videos + "/${exchangeProperty.videoId}")
                            .setProperty("status", jsonpath("$.status"))
                        .end()
                        .filter(simple("${exchangeProperty.status} != 'completed'"))
                            .throwException(IllegalStateException.class, "video ${exchangeProperty.videoId} ended ${exchangeProperty.status}")
                        .end()
                        .process(exchange -> exchange.setProperty("downloadStart", System.nanoTime()))
                        .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                        .setBody(constant(null))
                        .toD(videos + "/${exchangeProperty.videoId}/content")
                        .setHeader(Exchange.FILE_NAME, simple("${exchangeProperty.videoId}.mp4"))
                        .to("file:" + target.output())
                        .process(exchange -> finish(exchange, null));
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    private void finish(Exchange exchange, Exception error) {
        long now = System.currentTimeMillis();
        Long downloadStart = exchange.getProperty("downloadStart", Long.class);
        long downloadNanos = error == null && downloadStart != null ? System.nanoTime() - downloadStart : -1;
        String videoId = exchange.getProperty("videoId", String.class);
        Path file = error == null ? target.output().resolve(videoId + ".mp4") : null;
        Consumer<Delivery> done = waiting.remove(exchange.getProperty("prompt", String.class));
        if (done != null) {
            done.accept(new Delivery(exchange.getProperty("prompt", String.class), videoId, file, error, now,
                    downloadNanos));
        }
    }

    @Override
    public void submit(String prompt, Consumer<Delivery> done) {
        waiting.put(prompt, done);
        template.sendBody("seda:generate", prompt);
    }

    @Override
    public void close() throws Exception {
        camel.close();
    }
}
