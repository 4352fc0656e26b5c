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

import java.io.IOException;
import java.math.BigDecimal;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelsora.api.ClientSettings;
import io.github.camelsora.api.FetchPolicy;
import io.github.camelsora.api.SafeFetcher;
import io.github.camelsora.api.VideosClient;
import io.github.camelsora.job.InMemoryJobStore;
import io.github.camelsora.job.JobMetrics;
import io.github.camelsora.job.JobMonitor;
import io.github.camelsora.job.JobRunner;
import io.github.camelsora.job.JobStore;
import io.github.camelsora.job.JobTracker;
import io.github.camelsora.job.Limiter;
import io.github.camelsora.job.SpendingBudget;
import javax.net.ssl.SSLContext;

import org.apache.camel.Endpoint;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.URISupport;

/**
 * The {@code sora:} component. Owns what endpoints share, so that threads do not grow with endpoints or jobs: one
 * timer thread for every status request, one small worker pool on which routes continue, and one HTTP client (with
 * its I/O threads and connection pool) per server and key.
 */
@Component("sora")
public class SoraComponent extends HealthCheckComponent {

    @Metadata
    private SoraConfiguration configuration = new SoraConfiguration();
    @Metadata(label = "advanced", defaultValue = "4",
              description = "Threads on which routes continue after a job finishes (downloads are checked and"
                            + " moved there too). Jobs in flight hold no thread.")
    private int workerPoolSize = 4;
    @Metadata(label = "cost",
              description = "The most the jobs submitted in one UTC day may cost, in US dollars, estimated from the"
                            + " price table. A job that would go past it is refused with"
                            + " SoraBudgetExceededException before anything is sent; jobs already submitted go on."
                            + " Not set: no limit.")
    private Double maxSpendPerDay;

    private volatile JobMonitor monitor = new JobMonitor(JobMetrics.NONE, Clock.systemUTC());
    private SpendingBudget budget;

    private final Map<ClientSettings, VideosClient> clients = new ConcurrentHashMap<>();
    private final Map<FetchPolicy, SafeFetcher> fetchers = new ConcurrentHashMap<>();
    private final Map<SSLContextParameters, SSLContext> sslContexts = new ConcurrentHashMap<>();
    /** Limits are shared per server and key; the key is kept only as a hash. */
    private final Map<String, Limiter> limiters = new ConcurrentHashMap<>();
    private final Map<JobStore, JobRunner> runners = new ConcurrentHashMap<>();
    private final JobStore defaultJobStore = new InMemoryJobStore();
    /** Names this node in job records, so logs and tables tell which process worked on a job. */
    private final String owner = ProcessHandle.current().pid() + "@" + hostName() + "/"
                                 + java.util.UUID.randomUUID().toString().substring(0, 8);
    private ScheduledExecutorService timer;
    private ExecutorService workers;
    private JobTracker tracker;
    private final AtomicInteger webhookConsumers = new AtomicInteger();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SoraConfiguration endpointConfiguration = configuration.copy();
        // the endpoint carries its URI with secrets masked: JMX masks it, but the endpoint dev console, route
        // dumps and error messages print Endpoint.getEndpointUri() as it is
        SoraEndpoint endpoint = new SoraEndpoint(URISupport.sanitizeUri(uri), this, endpointConfiguration);
        endpoint.setOperation(remaining == null || remaining.isEmpty()
                ? SoraOperation.generate
                : getCamelContext().getTypeConverter().mandatoryConvertTo(SoraOperation.class, remaining));
        if (endpoint.getOperation() == SoraOperation.videos) {
            // listing every few hundred milliseconds (the scheduler's default) would be wasteful: jobs take minutes
            endpoint.setDelay(SoraEndpoint.DEFAULT_VIDEOS_DELAY);
        }
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // one pending task per job in flight: Camel's default profile caps the queue at 1000, so lift the cap
        ThreadPoolProfile timerProfile = new ThreadPoolProfileBuilder("SoraJobTimer").poolSize(1).maxPoolSize(1)
                .maxQueueSize(-1).build();
        timer = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this, "SoraJobTimer", timerProfile);
        workers = getCamelContext().getExecutorServiceManager().newFixedThreadPool(this, "SoraWorker", workerPoolSize);
        tracker = new JobTracker(timer);
        budget = new SpendingBudget(maxSpendPerDay == null ? null : BigDecimal.valueOf(maxSpendPerDay),
                Clock.systemUTC());
        JobMonitor[] self = new JobMonitor[1];
        JobMetrics metrics = MeterRegistryLookup.metrics(getCamelContext(), () -> self[0] == null ? 0 : self[0].inFlightCount());
        self[0] = new JobMonitor(metrics, Clock.systemUTC());
        monitor = self[0];
        // finished records only answer late redeliveries: keep them an hour in memory, a week in durable stores
        // on a worker: a JDBC or file store's delete must not stall the timer that runs every poll
        timer.scheduleWithFixedDelay(() -> workers.execute(this::purgeFinishedJobs), 1, 60,
                java.util.concurrent.TimeUnit.MINUTES);
    }

    @Override
    protected void doStop() throws Exception {
        if (tracker != null) {
            tracker.close();
        }
        clients.values().forEach(VideosClient::close);
        clients.clear();
        fetchers.values().forEach(SafeFetcher::close);
        fetchers.clear();
        limiters.clear();
        runners.clear();
        if (timer != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(timer);
        }
        if (workers != null) {
            getCamelContext().getExecutorServiceManager().shutdown(workers);
        }
        super.doStop();
    }

    /**
     * One SSLContext per SSLContextParameters, so that endpoints sharing TLS settings share their client (settings
     * are the client's key, and a fresh context would never be equal).
     */
    SSLContext sslContext(SSLContextParameters parameters) {
        return sslContexts.computeIfAbsent(parameters, p -> {
            try {
                return p.createSSLContext(getCamelContext());
            } catch (GeneralSecurityException | IOException e) {
                throw new RuntimeCamelException("Cannot create the TLS context from sslContextParameters: "
                                                + e.getMessage(), e);
            }
        });
    }

    /** The shared safe fetcher for this policy (reference images named by URL), created on first use. */
    SafeFetcher fetcher(FetchPolicy policy) {
        return fetchers.computeIfAbsent(policy, SafeFetcher::new);
    }

    /** The shared client for these settings, created on first use. */
    VideosClient client(ClientSettings settings) {
        return clients.computeIfAbsent(settings, VideosClient::new);
    }

    /** The tracker of the jobs generate is waiting for; the webhook consumer completes them. */
    public JobTracker tracker() {
        return tracker;
    }

    /** A sora:webhook consumer started (true) or stopped (false); completion=auto follows whether any runs. */
    public void webhookConsumerRunning(boolean running) {
        if (running) {
            webhookConsumers.incrementAndGet();
        } else {
            webhookConsumers.decrementAndGet();
        }
    }

    /** Whether a sora:webhook consumer of this component is running. */
    public boolean hasWebhookConsumer() {
        return webhookConsumers.get() > 0;
    }

    /** The jobs in flight, their metrics and log lines. */
    public JobMonitor monitor() {
        return monitor;
    }

    SpendingBudget budget() {
        return budget;
    }

    /** The runner of jobs recorded in {@code store} (the component's in-memory store when null). */
    JobRunner runner(JobStore store) {
        JobStore effective = store != null ? store : defaultJobStore;
        return runners.computeIfAbsent(effective, s -> new JobRunner(s, timer, continuations(), owner));
    }

    private void purgeFinishedJobs() {
        java.time.Instant now = java.time.Instant.now();
        for (JobStore store : runners.keySet()) {
            try {
                store.purgeFinishedBefore(now.minus(store instanceof InMemoryJobStore
                        ? java.time.Duration.ofHours(1) : java.time.Duration.ofDays(7)));
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(SoraComponent.class).warn("Purging {} failed: {}", store,
                        e.getMessage());
            }
        }
    }

    /** The limiter of one server and key, created with the first endpoint's limits. */
    Limiter limiter(String baseUrl, String apiKey, SoraConfiguration config) {
        String id = baseUrl + "|" + (apiKey == null ? "" : io.github.camelsora.job.JobStores.hash(apiKey));
        return limiters.computeIfAbsent(id, k -> new Limiter(config.getMaxConcurrentJobs(),
                config.getMaxRequestsPerMinute(), config.getMaxWaitingJobs(), timer));
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    /**
     * Where routes continue after a job. Once the pool is shut down (the context is stopping), the continuation
     * runs on the calling thread instead: an exchange must never be left without its callback.
     */
    Executor continuations() {
        return task -> {
            try {
                workers.execute(task);
            } catch (RejectedExecutionException e) {
                task.run();
            }
        };
    }

    public SoraConfiguration getConfiguration() {
        return configuration;
    }

    /** Defaults for every endpoint of this component; endpoint options override them. */
    public void setConfiguration(SoraConfiguration configuration) {
        this.configuration = configuration;
    }

    public int getWorkerPoolSize() {
        return workerPoolSize;
    }

    /**
     * Threads on which routes continue after a job finishes (downloads are checked and moved there too). Jobs in
     * flight hold no thread.
     */
    public void setWorkerPoolSize(int workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }

    public Double getMaxSpendPerDay() {
        return maxSpendPerDay;
    }

    /**
     * The most the jobs submitted in one UTC day may cost, in US dollars, estimated from the price table. A job that
     * would go past it is refused with SoraBudgetExceededException before anything is sent; jobs already submitted
     * go on. Not set: no limit.
     */
    public void setMaxSpendPerDay(Double maxSpendPerDay) {
        this.maxSpendPerDay = maxSpendPerDay;
    }
}
