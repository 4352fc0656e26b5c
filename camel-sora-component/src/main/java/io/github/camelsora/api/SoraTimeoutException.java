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

import java.time.Duration;

/**
 * The job did not reach a terminal status within the deadline. The job is left running on the server (it is
 * already paid for): it is never re-submitted; fetch it later by its video id.
 */
public class SoraTimeoutException extends SoraException {

    private final Duration waited;
    private final String lastStatus;

    public SoraTimeoutException(String videoId, Duration waited, String lastStatus) {
        super("Video " + ServerText.clean(videoId) + " was still '" + ServerText.clean(lastStatus) + "' after waiting " + waited
              + "; the job was not re-submitted, await or download it later by its id",
              videoId);
        this.waited = waited;
        this.lastStatus = lastStatus;
    }

    public Duration getWaited() {
        return waited;
    }

    public String getLastStatus() {
        return lastStatus;
    }
}
