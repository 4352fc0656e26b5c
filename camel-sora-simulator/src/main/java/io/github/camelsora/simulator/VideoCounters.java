package io.github.camelsora.simulator;

/**
 * What the simulator has served for one video id.
 *
 * @param creates     1 when the id was created by this simulator, else 0
 * @param statusReads successful {@code GET /v1/videos/{id}} responses
 * @param downloads   successful {@code GET /v1/videos/{id}/content} responses (any variant)
 */
public record VideoCounters(int creates, int statusReads, int downloads) {

    static final VideoCounters NONE = new VideoCounters(0, 0, 0);
}
