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
package io.github.camelsora.api;

import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the {@link VideoProvider} of one protocol family. Implementations are found with {@link ServiceLoader}
 * ({@code META-INF/services/io.github.camelsora.api.VideoProviderFactory}), so a provider that needs its own SDK can
 * live in its own artifact and is picked up when that artifact is on the class path. The bundled family is
 * {@code openai-videos}: the {@code /v1/videos} job protocol ({@link VideosClient}).
 */
public interface VideoProviderFactory {

    /** The protocol family this factory speaks, as named by a profile's {@code protocol}. */
    String protocol();

    /** A provider for one server and credential; it holds no thread of its own (it sends through {@code transport}). */
    VideoProvider create(ProviderProfile profile, ClientSettings settings, HttpTransport transport);

    /** The factory for a profile's protocol; a missing one fails with a message naming the artifact to add. */
    static VideoProviderFactory of(ProviderProfile profile) {
        String protocol = profile.protocol().toLowerCase(Locale.ROOT);
        VideoProviderFactory factory = Registry.FACTORIES.computeIfAbsent(protocol, p -> {
            for (VideoProviderFactory candidate : ServiceLoader.load(VideoProviderFactory.class,
                    VideoProviderFactory.class.getClassLoader())) {
                if (candidate.protocol().equalsIgnoreCase(p)) {
                    return candidate;
                }
            }
            return null;
        });
        if (factory == null) {
            throw new SoraValidationException("provider", "provider " + profile.name() + " speaks '" + protocol
                    + "', and no implementation of it is on the class path"
                    + (profile.artifact() != null ? ": add " + profile.artifact() : ""));
        }
        return factory;
    }

    /** Factories already looked up, by protocol. */
    final class Registry {
        static final Map<String, VideoProviderFactory> FACTORIES = new ConcurrentHashMap<>();

        private Registry() {
        }
    }
}
