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

import io.github.camelsora.api.SoraValidationException;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoList;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** {@code list}: one page of videos ({@code after}, {@code limit}, {@code order}), or all of them with autoPaginate. */
final class ListHandler implements SoraOperationHandler {

    /** A runaway server (has_more forever) must not keep an exchange busy forever. */
    static final int MAX_PAGES = 1000;

    private final JobSteps steps;

    ListHandler(JobSteps steps) {
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
        return page(after, limit, order, config.isAutoPaginate(), videos, 1).thenAccept(last -> {
            message.setBody(videos);
            message.setHeader(SoraConstants.HAS_MORE, last.hasMore());
            message.setHeader(SoraConstants.LAST_ID, last.lastId());
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

    private CompletableFuture<VideoList> page(String after, Integer limit, String order, boolean all, List<Video> into,
            int number) {
        return steps.client().list(after, limit, order).thenCompose(response -> {
            VideoList page = response.value();
            into.addAll(page.data());
            if (all && page.hasMore() && page.lastId() != null && number < MAX_PAGES) {
                return page(page.lastId(), limit, order, true, into, number + 1);
            }
            return CompletableFuture.completedFuture(page);
        });
    }
}
