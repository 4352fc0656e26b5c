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

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelsora.api.DeletedVideo;
import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraValidationException;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoCharacter;
import io.github.camelsora.prompt.Shot;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation from the Java DSL against the simulator. */
class SoraOperationsIT extends CamelTestSupport {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .renderTime(Duration.ofMillis(600))
            .build();

    @TempDir
    static Path output;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SoraComponent sora = TestSora.component(SIM.baseUrl(), SIM.apiKey(), output, 100, 300);
        context.addComponent("sora", sora);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("sora:generate?variants=thumbnail,spritesheet&deleteAfterDownload=true");
                from("direct:create").to("sora:create?size=1280x720");
                from("direct:createCropped").to("sora:create?size=1280x720&inputReferenceFit=crop");
                from("direct:retrieve").to("sora:retrieve");
                from("direct:await").to("sora:await");
                from("direct:download").to("sora:download");
                from("direct:list").to("sora:list?limit=2&order=asc");
                from("direct:listAll").to("sora:list?limit=1&autoPaginate=true");
                from("direct:delete").to("sora:delete");
                from("direct:remix").to("sora:remix");
                from("direct:edit").to("sora:edit");
                from("direct:extend").to("sora:extend?seconds=8");
                from("direct:createCharacter").to("sora:createCharacter?characterName=Mossy");
                from("direct:getCharacter").to("sora:getCharacter");
                from("direct:storyboard").to("sora:storyboard?size=1280x720");
                // the header chooses the operation, whatever the URI says
                from("direct:byHeader").to("sora:generate");
            }
        };
    }

    private Exchange call(String endpoint, Object body, Map<String, Object> headers) {
        Exchange exchange = template.request(endpoint, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
        return exchange;
    }

    private Video createAndAwait(String prompt) {
        Exchange created = call("direct:create", prompt, Map.of());
        assertThat(created.getException()).isNull();
        Exchange awaited = call("direct:await", null,
                Map.of(SoraConstants.VIDEO_ID, created.getMessage().getHeader(SoraConstants.VIDEO_ID)));
        assertThat(awaited.getException()).isNull();
        return awaited.getMessage().getBody(Video.class);
    }

    @Test
    void generateFetchesVariantsAndDeletesTheJob() throws Exception {
        Exchange result = call("direct:generate", "A red kite over dunes", Map.of());

        assertThat(result.getException()).isNull();
        String id = result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        Mp4Assertions.assertPlayableMp4(result.getMessage().getBody(File.class), 720, 1280, 4);
        @SuppressWarnings("unchecked")
        Map<String, File> variants = result.getMessage().getHeader(SoraConstants.VARIANT_FILES, Map.class);
        assertThat(variants.get("thumbnail")).hasName(id + "-thumbnail.webp");
        assertThat(variants.get("spritesheet")).hasName(id + "-spritesheet.jpg");
        assertThat(Files.readAllBytes(variants.get("thumbnail").toPath())).startsWith('R', 'I', 'F', 'F');
        assertThat(result.getMessage().getHeader(SoraConstants.DELETED, Boolean.class)).isTrue();
        assertThat(call("direct:retrieve", id, Map.of()).getException()).isInstanceOf(SoraApiException.class)
                .extracting(e -> ((SoraApiException) e).getStatusCode()).isEqualTo(404);
    }

    @Test
    void createRetrieveAwaitDownloadListAndDelete() throws Exception {
        Exchange created = call("direct:create", "A lighthouse", Map.of(SoraConstants.INPUT_REFERENCE,
                TestImages.png(1280, 720), SoraConstants.CHARACTERS, "char_a,char_b"));
        assertThat(created.getException()).isNull();
        Video queued = created.getMessage().getBody(Video.class);
        assertThat(queued.status()).isIn("queued", "in_progress");
        String id = queued.id();

        Exchange retrieved = call("direct:retrieve", null, Map.of(SoraConstants.VIDEO_ID, id));
        assertThat(retrieved.getMessage().getBody(Video.class).id()).isEqualTo(id);

        Exchange awaited = call("direct:await", id, Map.of());
        assertThat(awaited.getMessage().getHeader(SoraConstants.STATUS)).isEqualTo("completed");

        Exchange video = call("direct:download", id, Map.of());
        Mp4Assertions.assertPlayableMp4(video.getMessage().getBody(File.class), 1280, 720, 4);
        Exchange thumbnail = call("direct:download", id, Map.of(SoraConstants.VARIANT, "thumbnail"));
        assertThat(thumbnail.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/webp");
        Exchange sprites = call("direct:download", id, Map.of(SoraConstants.VARIANT, "spritesheet"));
        assertThat(sprites.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo(id + "-spritesheet.jpg");

        Exchange page = call("direct:list", null, Map.of());
        assertThat(page.getMessage().getBody(List.class)).hasSizeLessThanOrEqualTo(2).isNotEmpty();
        Exchange all = call("direct:listAll", null, Map.of());
        assertThat(all.getMessage().getBody(List.class)).hasSize(SIM.simulator().createdVideoIds().size()
                                                                  - deletedSoFar());
        assertThat(all.getMessage().getHeader(SoraConstants.HAS_MORE, Boolean.class)).isFalse();

        Exchange deleted = call("direct:delete", null, Map.of(SoraConstants.VIDEO_ID, id));
        assertThat(deleted.getMessage().getBody(DeletedVideo.class).deleted()).isTrue();
        assertThat(deleted.getMessage().getHeader(SoraConstants.DELETED)).isEqualTo(true);
    }

    private int deletedSoFar() {
        return (int) SIM.simulator().createdVideoIds().stream()
                .filter(id -> call("direct:retrieve", id, Map.of()).getException() != null).count();
    }

    @Test
    void aMismatchedImageIsRejectedBeforeAnythingIsSentOrCroppedOnRequest() {
        int creates = SIM.simulator().totalCreates();
        Exchange rejected = call("direct:create", "A boat", Map.of(SoraConstants.INPUT_REFERENCE, TestImages.png(640, 480)));
        assertThat(rejected.getException()).isInstanceOf(SoraValidationException.class)
                .hasMessageContaining("640x480").hasMessageContaining("1280x720");
        Exchange notAnImage = call("direct:create", "A boat", Map.of(SoraConstants.INPUT_REFERENCE, "GIF89a....".getBytes()));
        assertThat(notAnImage.getException()).isInstanceOf(SoraValidationException.class)
                .hasMessageContaining("UNSUPPORTED_FORMAT");
        assertThat(SIM.simulator().totalCreates()).isEqualTo(creates);

        Exchange cropped = call("direct:createCropped", "A boat", Map.of(SoraConstants.INPUT_REFERENCE,
                TestImages.jpeg(640, 480)));
        assertThat(cropped.getException()).isNull();
        assertThat(SIM.simulator().totalCreates()).isEqualTo(creates + 1);
    }

    @Test
    void remixEditAndExtendMakeNewJobsFromACompletedOne() {
        Video source = createAndAwait("A fox in snow");

        Exchange remix = call("direct:remix", "A fox in rain", Map.of(SoraConstants.VIDEO_ID, source.id()));
        assertThat(remix.getException()).isNull();
        assertThat(remix.getMessage().getHeader(SoraConstants.REMIXED_FROM_VIDEO_ID)).isEqualTo(source.id());

        Exchange edit = call("direct:edit", "Make the fox white", Map.of(SoraConstants.VIDEO_ID, source.id()));
        assertThat(edit.getMessage().getBody(Video.class).prompt()).isEqualTo("Make the fox white");

        Exchange extend = call("direct:extend", "The fox runs off", Map.of(SoraConstants.VIDEO_ID, source.id()));
        assertThat(extend.getException()).isNull();
        assertThat(extend.getMessage().getBody(Video.class).seconds()).isEqualTo("12");
    }

    @Test
    void charactersAreCreatedFromAnMp4AndFetched() {
        Exchange generated = call("direct:byHeader", "A moss creature", Map.of());
        File clip = generated.getMessage().getBody(File.class);

        Exchange character = call("direct:createCharacter", clip, Map.of());
        assertThat(character.getException()).isNull();
        String id = character.getMessage().getHeader(SoraConstants.CHARACTER_ID, String.class);
        assertThat(id).startsWith("char_");

        Exchange fetched = call("direct:getCharacter", null, Map.of(SoraConstants.CHARACTER_ID, id));
        assertThat(fetched.getMessage().getBody(VideoCharacter.class).name()).isEqualTo("Mossy");

        Exchange notMp4 = call("direct:createCharacter", "plain text".getBytes(), Map.of());
        assertThat(notMp4.getException()).isInstanceOf(SoraValidationException.class);
    }

    @Test
    void aStructuredShotIsRenderedIntoThePrompt() {
        Shot shot = new Shot().setSubject("A lighthouse keeper").setAction("climbs the stairs at dusk")
                .setCamera("slow dolly up").setLighting("warm lantern light").setSound("wind and gulls");

        Exchange created = call("direct:create", shot, Map.of());

        assertThat(created.getMessage().getBody(Video.class).prompt()).isEqualTo("""
                A lighthouse keeper, climbs the stairs at dusk.
                Camera: slow dolly up.
                Lighting: warm lantern light.
                Sound: wind and gulls.""");
        Exchange fromJson = call("direct:create", "{\"subject\":\"A cat\",\"style\":\"film noir\"}", Map.of());
        assertThat(fromJson.getMessage().getBody(Video.class).prompt()).isEqualTo("A cat.\nStyle: film noir.");
    }

    @Test
    void aStoryboardIsOneStitchedVideo() throws Exception {
        List<Object> shots = List.of(
                Map.of("subject", "A paper boat", "action", "floats down a gutter", "seconds", "4"),
                new Shot().setAction("it tips over a drain").setSeconds("4"),
                "It sails out into the sea");

        Exchange result = call("direct:storyboard", shots, Map.of());

        assertThat(result.getException()).isNull();
        Mp4Assertions.assertPlayableMp4(result.getMessage().getBody(File.class), 1280, 720, 12);
        @SuppressWarnings("unchecked")
        List<String> ids = result.getMessage().getHeader(SoraConstants.STORYBOARD_VIDEO_IDS, List.class);
        assertThat(ids).hasSize(3);
        assertThat(result.getMessage().getHeader(SoraConstants.VIDEO_ID)).isEqualTo(ids.get(2));
        assertThat(result.getMessage().getHeader(SoraConstants.SECONDS)).isEqualTo("12");

        int creates = SIM.simulator().totalCreates();
        Exchange tooMany = call("direct:storyboard", java.util.Collections.nCopies(8, "a shot"), Map.of());
        assertThat(tooMany.getException()).isInstanceOf(SoraValidationException.class).hasMessageContaining("at most 6");
        Exchange tooLong = call("direct:storyboard", java.util.Collections.nCopies(7, "a shot"),
                Map.of(SoraConstants.SECONDS, "20"));
        assertThat(tooLong.getException()).isInstanceOf(SoraValidationException.class).hasMessageContaining("120");
        assertThat(SIM.simulator().totalCreates()).isEqualTo(creates);
    }

    @Test
    void theOperationHeaderOverridesTheUri() {
        Video source = createAndAwait("A harbour");
        Exchange retrieved = call("direct:byHeader", null, Map.of(SoraConstants.OPERATION, "retrieve",
                SoraConstants.VIDEO_ID, source.id()));
        assertThat(retrieved.getMessage().getBody(Video.class).status()).isEqualTo("completed");
    }
}
