package io.github.camelsora;

import java.nio.file.Path;

/** A sora component pointed at a simulator, as most tests need it. */
public final class TestSora {

    private TestSora() {
    }

    public static SoraComponent component(String baseUrl, String apiKey, Path output, long pollDelay) {
        SoraComponent sora = new SoraComponent();
        sora.getConfiguration().setBaseUrl(baseUrl);
        sora.getConfiguration().setApiKey(apiKey);
        sora.getConfiguration().setOutputDirectory(output.toString());
        sora.getConfiguration().setPollDelay(pollDelay);
        return sora;
    }

    public static SoraComponent component(String baseUrl, String apiKey, Path output, long pollDelay,
            long maxPollDelay) {
        SoraComponent sora = component(baseUrl, apiKey, output, pollDelay);
        sora.getConfiguration().setMaxPollDelay(maxPollDelay);
        return sora;
    }
}
