package io.github.camelsora.api;

import java.util.List;

/**
 * The configured server is one that has been switched off (OpenAI's own /v1/videos since 2026-09-24, Azure OpenAI's
 * last sora-2 deployment since 2026-10-15). Thrown before anything is sent, naming the alternatives.
 */
public class SoraRetiredEndpointException extends SoraException {

    private final String provider;
    private final String retiredOn;
    private final List<String> alternatives;

    public SoraRetiredEndpointException(String provider, String baseUrl, String retiredOn, List<String> alternatives) {
        super("Provider '" + provider + "' at " + baseUrl + " was retired on " + retiredOn
              + ": its video endpoint and the Sora 2 models were switched off there, so every call would fail."
              + " Use a server that still speaks the protocol: provider=" + String.join(", provider=", alternatives)
              + " (with its baseUrl); or set allowRetiredEndpoint=true if you know this endpoint still answers.",
              null);
        this.provider = provider;
        this.retiredOn = retiredOn;
        this.alternatives = List.copyOf(alternatives);
    }

    public String getProvider() {
        return provider;
    }

    public String getRetiredOn() {
        return retiredOn;
    }

    public List<String> getAlternatives() {
        return alternatives;
    }
}
