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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelsora.api.ModelCatalog;
import io.github.camelsora.api.SoraValidationException;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoRequest;
import io.github.camelsora.prompt.Shot;
import io.github.camelsora.prompt.ShotPrompt;
import io.github.camelsora.prompt.Storyboard;
import io.github.camelsora.job.JobEngine;
import io.github.camelsora.job.PolicyGateway;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code storyboard}: the body is a list of shots (Shot, Map, plain prompt, or JSON text of such a list). The first
 * shot is created, each later one extends the previous result by its own seconds, one after the other; the stitched
 * video is downloaded and answered as a file. Every limit (at most 6 extensions, 120 s in all, the model's seconds)
 * is checked before the first job is created. The ids of all jobs are in header CamelSoraStoryboardVideoIds.
 */
final class StoryboardHandler implements SoraOperationHandler {

    private final SoraBinding steps;

    StoryboardHandler(SoraBinding steps) {
        this.steps = steps;
    }

    @Override
    public CompletableFuture<Void> start(Exchange exchange) {
        Message message = exchange.getMessage();
        SoraConfiguration config = steps.config();
        Storyboard storyboard = storyboard(message, config);
        List<Storyboard.Step> shots = storyboard.steps();
        VideoRequest first = RequestReader.videoRequest(message, config, shots.get(0).prompt());
        first = first.with(first.prompt(), shots.get(0).seconds(), first.size());
        steps.validate(first);
        steps.prepareOutputDirectory();
        checkExtensionSeconds(first.model(), shots);
        List<String> ids = new ArrayList<>();
        message.setHeader(SoraConstants.STORYBOARD_VIDEO_IDS, ids);
        JobEngine.JobContext context = steps.context();
        VideoRequest firstShot = first;
        PolicyGateway.Charge firstCharge = steps.charge(message, firstShot);
        CompletableFuture<Video> chain = steps.submit("storyboard shot 1", firstCharge,
                        (provider, deadline) -> provider.create(firstShot, null, List.of(), deadline))
                .thenCompose(video -> shotCreated(message, ids, context, video, firstCharge));
        for (int i = 1; i < shots.size(); i++) {
            Storyboard.Step shot = shots.get(i);
            String what = "storyboard shot " + (i + 1);
            // each extension is billed for its own seconds
            PolicyGateway.Charge charge = steps.charge(message,
                    first.with(shot.prompt(), shot.seconds(), first.size()));
            chain = chain.thenCompose(previous -> steps.submit(what, charge,
                            (provider, deadline) -> provider.extend(previous.id(), shot.prompt(), shot.seconds(),
                                    deadline)))
                    .thenCompose(video -> shotCreated(message, ids, context, video, charge));
        }
        return chain.thenCompose(video -> steps.engine().downloadVideo(context, video.id(), video).thenAccept(saved -> {
            SoraBinding.videoHeaders(message, video);
            SoraBinding.fileResult(message, saved.file(), "video/mp4");
        }));
    }

    /** A shot's job exists: its id goes on the message at once, then it is awaited to completion. */
    private CompletableFuture<Video> shotCreated(Message message, List<String> ids, JobEngine.JobContext context,
                                                 Video video, PolicyGateway.Charge charge) {
        ids.add(video.id());
        SoraBinding.submitted(message, video);
        return steps.engine().awaitCompleted(context, video.id(), charge.estimatedCost()).thenApply(done -> {
            message.setHeader(SoraConstants.STATUS, done.status());
            return done;
        });
    }

    private static Storyboard storyboard(Message message, SoraConfiguration config) {
        Object body = message.getBody();
        List<?> items;
        try {
            if (body instanceof Collection<?> collection) {
                items = List.copyOf(collection);
            } else if (body instanceof Object[] array) {
                items = List.of(array);
            } else {
                String text = message.getBody(String.class);
                if (text == null) {
                    throw new SoraValidationException("shots", "the body must be a list of shots");
                }
                items = ShotPrompt.parseShotList(text);
            }
            List<Storyboard.Step> steps = new ArrayList<>();
            for (Object item : items) {
                String seconds = item instanceof Shot shot ? shot.getSeconds()
                        : item instanceof Map<?, ?> map && map.get("seconds") != null ? map.get("seconds").toString() : null;
                steps.add(new Storyboard.Step(RequestReader.promptOf(item),
                        seconds != null ? seconds : message.getHeader(SoraConstants.SECONDS, config.getSeconds(), String.class)));
            }
            return new Storyboard(steps);
        } catch (IllegalArgumentException e) {
            throw new SoraValidationException("shots", e.getMessage());
        }
    }

    /** Each extension's length must be one the model takes, when the model is known. */
    private void checkExtensionSeconds(String model, List<Storyboard.Step> shots) {
        if (!steps.config().isValidateRequests()) {
            return;
        }
        ModelCatalog.ModelSpec spec = steps.endpoint().profile().catalog().spec(model);
        if (spec == null) {
            return;
        }
        for (int i = 1; i < shots.size(); i++) {
            if (!spec.seconds().contains(shots.get(i).seconds())) {
                throw new SoraValidationException("seconds", "shot " + (i + 1) + " asks for " + shots.get(i).seconds()
                                                             + " s; model " + model + " takes " + spec.seconds());
            }
        }
    }
}
