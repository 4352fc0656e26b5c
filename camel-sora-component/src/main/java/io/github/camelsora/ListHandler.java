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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.camelsora.api.ApiResponse;
import io.github.camelsora.api.SoraValidationException;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoPages;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** {@code list}: one page of videos ({@code after}, {@code limit}, {@code order}), or all of them with autoPaginate. */
final class ListHandler implements SoraOperationHandler {

    /** A runaway server (has_more forever) must not keep an exchange busy forever. */
    static final int MAX_PAGES = VideoPages.DEFAULT_MAX_PAGES;

    private final SoraBinding steps;

    ListHandler(SoraBinding steps) {
        this.steps = steps;
    }

    @Override
    public CompletableFuture<Void> start(Exchange exchange) {
        Message message = exchange.getMessage();
        SoraConfiguration config = steps.config();
        String after = message.getHeader(SoraConstants.LIST_AFTER, config.getAfter(), String.class);
        Integer limit = limit(message.getHeader(SoraConstants.LIST_LIMIT), config.getLimit());
        String order = message.getHeader(SoraConstants.LIST_ORDER, config.getOrder(), String.class);
        if (limit != null && (limit < 1 || limit > 100)) {
            throw new SoraValidationException("limit", "must be 1..100, got " + limit);
        }
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            throw new SoraValidationException("order", "must be asc or desc, got '" + order + "'");
        }
        List<Video> videos = new ArrayList<>();
        boolean all = config.isAutoPaginate();
        return VideoPages.walk(page -> steps.call("list videos",
                        (provider, deadline) -> provider.list(page, limit, order, deadline)).thenApply(ApiResponse::value), after,
                MAX_PAGES, page -> {
                    videos.addAll(page.data());
                    return all;
                }).thenAccept(walk -> {
                    message.setBody(videos);
                    message.setHeader(SoraConstants.HAS_MORE, walk.last().hasMore());
                    message.setHeader(SoraConstants.LAST_ID, walk.last().lastId());
                });
    }

    /** The header's limit (a number, or text holding one), else the option's. */
    private static Integer limit(Object header, Integer option) {
        if (header == null) {
            return option;
        }
        if (header instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.valueOf(header.toString().strip());
        } catch (NumberFormatException e) {
            throw new SoraValidationException("limit", "must be a whole number 1..100, got '" + header + "'");
        }
    }
}
