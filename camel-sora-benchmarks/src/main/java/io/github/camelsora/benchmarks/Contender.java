package io.github.camelsora.benchmarks;

import java.util.function.Consumer;

/** One way of turning a prompt into a downloaded video: camel-sora, plain Camel, or the official SDK. */
interface Contender extends AutoCloseable {

    String name();

    void start() throws Exception;

    /** Starts one job and returns at once; {@code done} is called exactly once when it ends. */
    void submit(String prompt, Consumer<Delivery> done);

    @Override
    void close() throws Exception;
}
