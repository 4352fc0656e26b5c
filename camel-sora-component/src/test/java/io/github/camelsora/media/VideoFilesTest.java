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
package io.github.camelsora.media;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VideoFilesTest {

    @TempDir
    Path directory;

    @Test
    void namesTheFileAfterTheVideoId() {
        assertThat(VideoFiles.target(directory, "video_68d7512d0784", "mp4"))
                .isEqualTo(directory.resolve("video_68d7512d0784.mp4"));
        assertThat(VideoFiles.target(directory, "video_dmlkZW8xMjM=", "mp4").getParent()).isEqualTo(directory);
    }

    @ParameterizedTest
    @ValueSource(strings = { "../../x", "a/b", "a\\b", "..", ".hidden", "", "a b", "video_1\u0000" })
    void rejectsIdsThatAreNotPlainNames(String id) {
        assertThatThrownBy(() -> VideoFiles.target(directory, id, "mp4"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leavesNothingBehindWhenTheDownloadIsNotAnMp4() throws Exception {
        Path target = VideoFiles.target(directory, "video_1", "mp4");
        Path temporary = VideoFiles.temporaryFor(target);
        Files.writeString(temporary, "{\"error\":{\"message\":\"nope\"}}");

        assertThatThrownBy(() -> VideoFiles.commitMp4(temporary, target)).isInstanceOf(InvalidMediaException.class);

        assertThat(directory).isEmptyDirectory();
    }

    @org.junit.jupiter.api.Test
    void idsOfEveryProviderShapeAreAcceptedAndNamedSafely() {
        for (String id : new String[] { "task_pa9CKKtYlTdxO7IIHOKKhXfjxEu4EQoR", "vid_0123abcd", "job-abc123",
                                        "3f2b8c1e-9d4a-4c6b-8f00-2a1b3c4d5e6f", "video-123",
                                        "video_bGl0ZWxsbTp2aWRlb19pZDp4/y+z==",
                                        "arn:aws:bedrock:us-east-1:123456789012:async-invoke/abc123def456" }) {
            org.assertj.core.api.Assertions.assertThat(VideoFiles.isAcceptableId(id)).as(id).isTrue();
            String stem = VideoFiles.safeStem(id);
            org.assertj.core.api.Assertions.assertThat(VideoFiles.isSafeId(stem)).as(id).isTrue();
            org.assertj.core.api.Assertions.assertThat(stem).doesNotContain("/").doesNotContain(":");
        }
        for (String hostile : new String[] { "../../etc/passwd", "a\\b", ".hidden", "x%2f..", "a b", "a\nb" }) {
            org.assertj.core.api.Assertions.assertThat(VideoFiles.isAcceptableId(hostile)).as(hostile).isFalse();
        }
    }
}
