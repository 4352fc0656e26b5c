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
}
