package io.github.camelsora.media;

/**
 * What the boxes of an MP4 file say about it.
 *
 * @param durationSeconds the movie duration (mvhd)
 * @param width           the video track's width (tkhd)
 * @param height          the video track's height (tkhd)
 * @param videoCodec      the video sample entry type, e.g. {@code avc1}
 * @param audioCodec      the audio sample entry type, or {@code null} when there is no audio track
 */
public record Mp4Info(double durationSeconds, int width, int height, String videoCodec, String audioCodec) {

    public boolean hasAudio() {
        return audioCodec != null;
    }
}
