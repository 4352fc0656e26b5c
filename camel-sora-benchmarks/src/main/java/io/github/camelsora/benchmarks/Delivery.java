package io.github.camelsora.benchmarks;

import java.nio.file.Path;

/**
 * How one job ended for a contender.
 *
 * @param videoId     the job's id, when it was created
 * @param file        the downloaded video, null on failure
 * @param error       why it failed, null on success
 * @param deliveredAt when the flow continued with the file (epoch ms, comparable with the simulator's clock)
 * @param downloadNanos how long the download step alone took, when the contender's code can time it; else -1
 */
record Delivery(String prompt, String videoId, Path file, Throwable error, long deliveredAt, long downloadNanos) {

    boolean delivered() {
        return error == null && file != null;
    }
}
