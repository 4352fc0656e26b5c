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
package io.github.camelsora;

import io.github.camelsora.api.SoraException;
import org.apache.camel.Exchange;
import org.apache.camel.processor.loadbalancer.FailOverLoadBalancer;

/**
 * Camel's failover load balancer that moves to the next provider only when the one that failed provably created
 * nothing: a {@link SoraException} whose {@link SoraException#getJobExistence()} is {@code NOT_CREATED} (refused
 * before sending, refused by the server with a 4xx or an exhausted quota, or a connection that was never made). After
 * a create that may have happened (a 5xx, a timeout or a connection lost after sending: {@code UNKNOWN}) or a job that
 * exists ({@code CREATED}: it failed, timed out or its download failed), it never fails over: the exchange fails with
 * that exception, so no job is paid for twice. Any other exception is not a provider's refusal and is not failed
 * over either.
 *
 * <pre>{@code
 * from("direct:video")
 *     .loadBalance(new SoraFailoverLoadBalancer())
 *         .to("sora:generate?provider=cometapi&model=veo3.1-fast")
 *         .to("sora:generate?provider=openrouter&model=google/veo-3.1")
 *     .end();
 * }</pre>
 * In YAML, bind an instance as a bean and use {@code loadBalance: customLoadBalancer: {ref: soraFailover}}. The
 * idempotency key of the message stays the same across the providers: a key whose create was refused is released,
 * so the next provider may claim it.
 */
public class SoraFailoverLoadBalancer extends FailOverLoadBalancer {

    /** Tries each provider at most once, in order, starting with the first, for every message. */
    public SoraFailoverLoadBalancer() {
        setRoundRobin(false);
        setSticky(false);
    }

    @Override
    protected void doStart() throws Exception {
        // each provider once: as many failovers as there are providers after the first
        setMaximumFailoverAttempts(Math.max(0, getProcessors().size() - 1));
        super.doStart();
    }

    @Override
    protected boolean shouldFailOver(Exchange exchange) {
        return exchange.getException() != null && provablyNothingCreated(exchange.getException());
    }

    /** Whether the failure is a provider's that provably created no job (its cause chain holds such a one). */
    public static boolean provablyNothingCreated(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SoraException sora) {
                return !sora.mayHaveCreatedJob();
            }
        }
        return false;
    }
}
