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
import io.github.camelsora.api.VideoPages;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("sora:videos")}: on each poll, lists the jobs page by page (at most {@value #MAX_PAGES} pages, with a
 * warning when the server still says there are more) and emits every job that has reached a terminal status and was
 * not emitted before (by video id, in the idempotent repository), optionally with its MP4 downloaded. A job whose
 * route fails is forgotten, so the next poll emits it again. In a cluster, run it as
 * {@code from("master:sora-videos:sora:videos")} so that one node polls.
 */
public class SoraVideosConsumer extends ScheduledPollConsumer {

    /** A server that always answers has_more must not keep the poll thread forever. */
    static final int MAX_PAGES = VideoPages.DEFAULT_MAX_PAGES;
    private static final Logger LOG = LoggerFactory.getLogger(SoraVideosConsumer.class);

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
        endpoint.checkUsable(); // a retired endpoint is refused at start, as for producers
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
        int[] emitted = {0};
        int pageSize = endpoint.getConfiguration().getPageSize();
        // pages are read on this thread (the lister waits for each), so the route runs here, not on an I/O thread
        VideoPages.Lister lister = after -> {
            try {
                return CompletableFuture.completedFuture(await(endpoint.listJobs(after, pageSize)));
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        };
        VideoPages.Walk walk = Futures.join(VideoPages.walk(lister, null, MAX_PAGES, page -> {
            for (Video video : page.data()) {
                if (!isRunAllowed()) {
                    return false;
                }
                if (video.videoStatus().isTerminal() && emit(video)) {
                    emitted[0]++;
                }
            }
            return true;
        }));
        if (walk.truncated()) {
            LOG.warn("sora:videos stopped listing after {} pages although the server still says has_more (last_id {});"
                     + " the next poll starts again from the newest job", walk.pages(), walk.last().lastId());
        }
        return emitted[0];
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
