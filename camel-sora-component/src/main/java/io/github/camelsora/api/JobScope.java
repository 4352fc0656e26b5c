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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.MDC;

/**
 * What the Camel layer lends the Camel-free core for one exchange, so that work done on any thread (the timer, an
 * HTTP I/O thread, a worker) can be told apart: the MDC entries of the exchange (when the context logs with MDC)
 * plus the video id, the low-cardinality tags its meters carry, and the {@link RequestObserver} of its requests.
 * <p>
 * A scope is made current on a thread only for the duration of {@link #call}/{@link #run}, which also put its MDC
 * entries and restore the thread's own afterwards: nothing is left behind on a shared thread. {@link HttpTransport}
 * reads the current scope when a request starts, and completes the request's future inside it, so the
 * continuations that run on its I/O thread log with the exchange's MDC.
 */
public final class JobScope {

    /** The MDC key of the video id. */
    public static final String MDC_VIDEO_ID = "sora.videoId";

    /** No MDC, no tags, no observer: what runs outside an exchange. */
    public static final JobScope NONE = new JobScope(null, Map.of(), RequestObserver.NONE);

    private static final ThreadLocal<JobScope> CURRENT = new ThreadLocal<>();

    private final Map<String, String> mdc;
    private final Map<String, String> tags;
    private final RequestObserver observer;
    private volatile String videoId;

    /**
     * @param mdc      the MDC entries to put while the scope is current, or null for none (MDC logging off: then
     *                 the video id is not put either)
     * @param tags     meter tags (low cardinality: no ids, no secrets)
     * @param observer what watches the requests sent in this scope
     */
    public JobScope(Map<String, String> mdc, Map<String, String> tags, RequestObserver observer) {
        this.mdc = mdc == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(mdc));
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        this.observer = observer == null ? RequestObserver.NONE : observer;
    }

    /** The scope current on this thread, else {@link #NONE}. */
    public static JobScope current() {
        JobScope scope = CURRENT.get();
        return scope == null ? NONE : scope;
    }

    /** Meter tags of the exchange (e.g. camelContext, routeId, endpointName, provider). */
    public Map<String, String> tags() {
        return tags;
    }

    /** What watches the requests of this scope. */
    public RequestObserver observer() {
        return observer;
    }

    /** Whether log lines written in this scope carry MDC entries. */
    public boolean hasMdc() {
        return mdc != null;
    }

    /** The MDC entries put while the scope is current (with the video id once known); empty without MDC. */
    public Map<String, String> mdc() {
        if (mdc == null) {
            return Map.of();
        }
        Map<String, String> all = new LinkedHashMap<>(mdc);
        if (videoId != null) {
            all.put(MDC_VIDEO_ID, videoId);
        }
        return all;
    }

    /** The video id of the exchange's job, once the server named it. */
    public String videoId() {
        return videoId;
    }

    /** Records the job's video id (it goes into the MDC from now on). */
    public JobScope videoId(String id) {
        if (id != null && this != NONE) {
            this.videoId = id;
        }
        return this;
    }

    /** Runs {@code work} with this scope current and its MDC entries put; restores the thread's own afterwards. */
    public <T> T call(Supplier<T> work) {
        JobScope previous = CURRENT.get();
        Map<String, String> saved = null;
        boolean putMdc = mdc != null;
        if (putMdc) {
            saved = MDC.getCopyOfContextMap();
            mdc().forEach(MDC::put);
        }
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
            if (putMdc) {
                if (saved == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(saved);
                }
            }
        }
    }

    /** Runs {@code work} with this scope current: see {@link #call}. */
    public void run(Runnable work) {
        if (this == NONE && CURRENT.get() == null) {
            work.run();
            return;
        }
        call(() -> {
            work.run();
            return null;
        });
    }

    /** {@code task} to run later, on another thread, in the scope current now. */
    public static Runnable capture(Runnable task) {
        JobScope scope = CURRENT.get();
        return scope == null ? task : () -> scope.run(task);
    }

    @Override
    public String toString() {
        return "JobScope[tags=" + tags + ", videoId=" + videoId + "]";
    }
}
