package io.github.camelsora.benchmarks;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how the contenders work.
 *
 * @param baseUrl   the simulator, e.g. http://127.0.0.1:8089/v1
 * @param output    the directory videos are written to
 * @param pollEvery for the alternatives, the fixed delay between status requests (their examples use 10 s)
 * @param threads   for the alternatives, the threads that carry jobs (one per job in flight to submit all at once)
 */
record Target(String baseUrl, String apiKey, Path output, Duration pollEvery, int threads) {
}
