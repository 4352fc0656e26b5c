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

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Walks the pages of {@code GET /videos}: asks for the page after the last one's {@code last_id} while the server
 * says {@code has_more}, the visitor wants more and the page cap is not reached. The cap is what stops a server that
 * always answers {@code has_more} (or repeats its cursor) from keeping a thread or an exchange busy forever.
 * <p>
 * The walk runs on the threads that complete the lister's futures; a lister answering with futures already
 * completed (a blocking caller) walks on the calling thread, in a loop, without growing the stack.
 */
public final class VideoPages {

    /** The cap of an exchange or a poll that reads every page: 1000 pages of up to 100 jobs. */
    public static final int DEFAULT_MAX_PAGES = 1000;

    /** One page of the list, after the job with this id ({@code null}: the first page). */
    @FunctionalInterface
    public interface Lister {
        CompletableFuture<VideoList> page(String after);
    }

    /** Sees each page as it comes; answers whether to read the next one. */
    @FunctionalInterface
    public interface Visitor {
        boolean more(VideoList page) throws Exception;
    }

    /**
     * How a walk ended.
     *
     * @param last      the last page read
     * @param pages     how many pages were read
     * @param truncated whether the walk stopped while the server still said {@code has_more}: at the page cap, or
     *                  because the cursor did not move
     */
    public record Walk(VideoList last, int pages, boolean truncated) {
    }

    private VideoPages() {
    }

    /**
     * Reads pages from {@code after} ({@code null}: the first page) until the last one, the visitor says stop, or
     * {@code maxPages} pages were read. Fails with the first failure of the lister or the visitor.
     */
    public static CompletableFuture<Walk> walk(Lister lister, String after, int maxPages, Visitor visitor) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1, not " + maxPages);
        }
        CompletableFuture<Walk> result = new CompletableFuture<>();
        new Walker(lister, maxPages, visitor, result).from(after, 1);
        return result;
    }

    private static final class Walker {
        private final Lister lister;
        private final int maxPages;
        private final Visitor visitor;
        private final CompletableFuture<Walk> result;

        Walker(Lister lister, int maxPages, Visitor visitor, CompletableFuture<Walk> result) {
            this.lister = lister;
            this.maxPages = maxPages;
            this.visitor = visitor;
            this.result = result;
        }

        /** Reads page {@code number} and the following ones; loops while pages are already there. */
        void from(String after, int number) {
            String cursor = after;
            for (int page = number; ; page++) {
                CompletableFuture<VideoList> next;
                try {
                    next = Objects.requireNonNull(lister.page(cursor), "the lister answered null");
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                    return;
                }
                if (!next.isDone()) {
                    int current = page;
                    String previous = cursor;
                    next.whenComplete((list, error) -> {
                        if (seen(list, error, previous, current)) {
                            from(list.lastId(), current + 1);
                        }
                    });
                    return;
                }
                VideoList list;
                try {
                    list = next.join();
                } catch (CompletionException | CancellationException e) {
                    result.completeExceptionally(e instanceof CompletionException && e.getCause() != null
                            ? e.getCause() : e);
                    return;
                }
                if (!seen(list, null, cursor, page)) {
                    return;
                }
                cursor = list.lastId();
            }
        }

        /** Hands the page to the visitor; true when the next page is to be read, else the walk is complete. */
        private boolean seen(VideoList list, Throwable error, String after, int number) {
            if (error != null) {
                result.completeExceptionally(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
                return false;
            }
            boolean more;
            try {
                more = visitor.more(list);
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
                return false;
            }
            boolean serverHasMore = list.hasMore() && list.lastId() != null;
            if (!more || !serverHasMore) {
                result.complete(new Walk(list, number, false));
                return false;
            }
            if (number >= maxPages || list.lastId().equals(after)) {
                result.complete(new Walk(list, number, true));
                return false;
            }
            return true;
        }
    }
}
