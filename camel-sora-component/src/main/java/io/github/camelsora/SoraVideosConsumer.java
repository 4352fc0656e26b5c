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

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.camelsora.api.Futures;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoList;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * {@code from("sora:videos")}: on each poll, lists the jobs page by page and emits every job that has reached a
 * terminal status and was not emitted before (by video id, in the idempotent repository), optionally with its MP4
 * downloaded. A job whose route fails is forgotten, so the next poll emits it again. In a cluster, run it as
 * {@code from("master:sora-videos:sora:videos")} so that one node polls.
 */
public class SoraVideosConsumer extends ScheduledPollConsumer {

    private final SoraEndpoint endpoint;
    private IdempotentRepository repository;

    public SoraVideosConsumer(SoraEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    public SoraEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        int pageSize = endpoint.getConfiguration().getPageSize();
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("pageSize must be 1..100, not " + pageSize);
        }
        repository = endpoint.getConfiguration().getIdempotentRepository() != null
                ? endpoint.getConfiguration().getIdempotentRepository()
                : MemoryIdempotentRepository.memoryIdempotentRepository(1000);
        ServiceHelper.startService(repository);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (repository != endpoint.getConfiguration().getIdempotentRepository()) {
            ServiceHelper.stopService(repository);
        }
    }

    @Override
    protected int poll() throws Exception {
        int emitted = 0;
        String after = null;
        do {
            VideoList page = await(endpoint.client().list(after, endpoint.getConfiguration().getPageSize(), "desc"))
                    .value();
            for (Video video : page.data()) {
                if (!isRunAllowed()) {
                    return emitted;
                }
                if (video.videoStatus().isTerminal() && emit(video)) {
                    emitted++;
                }
            }
            after = page.hasMore() ? page.lastId() : null;
        } while (after != null);
        return emitted;
    }

    private boolean emit(Video video) throws Exception {
        if (!repository.add(video.id())) {
            return false;
        }
        Exchange exchange = createExchange(false);
        try {
            // a download may take long: no overall timeout, the client gives up on a silent connection
            Futures.join(endpoint.deliverJob(video, exchange.getMessage()));
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                throw exchange.getException();
            }
            repository.confirm(video.id());
            return true;
        } catch (Exception e) {
            repository.remove(video.id());
            getExceptionHandler().handleException("Error emitting video " + video.id() + "; it is emitted again on"
                                                  + " the next poll", exchange, e);
            return false;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private <T> T await(CompletableFuture<T> future) throws Exception {
        return Futures.join(future, Duration.ofMillis(endpoint.getConfiguration().getRequestTimeout() * 2));
    }
}
