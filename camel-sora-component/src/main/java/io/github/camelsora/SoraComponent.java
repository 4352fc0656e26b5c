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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelsora.api.ClientSettings;
import io.github.camelsora.api.FetchPolicy;
import io.github.camelsora.api.HttpTransport;
import io.github.camelsora.api.ProviderProfile;
import io.github.camelsora.api.SafeFetcher;
import io.github.camelsora.api.VideoProvider;
import io.github.camelsora.api.VideoProviderFactory;
import io.github.camelsora.job.InMemoryJobStore;
import io.github.camelsora.job.JobEngine;
import io.github.camelsora.job.JobMetrics;
import io.github.camelsora.job.JobMonitor;
import io.github.camelsora.job.JobStore;
import io.github.camelsora.job.JobTracker;
import io.github.camelsora.job.Limiter;
import io.github.camelsora.job.SpendLedger;
import io.github.camelsora.job.SpendingBudget;
import javax.net.ssl.SSLContext;

import org.apache.camel.Endpoint;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The {@code sora:} component. Owns what endpoints share, so that threads do not grow with endpoints, keys or jobs:
 * one timer thread for every status request and deadline, one small worker pool on which routes continue, the job
 * engine with its registry of jobs in flight, one HTTP transport (I/O threads and connection pool) per TLS and proxy
 * setting, one limiter per server and key, and the day's budget. Every thread comes from Camel's
 * ExecutorServiceManager.
 */
@Component("sora")
@ManagedResource(description = "Managed sora component")
public class SoraComponent extends HealthCheckComponent {

    @Metadata
    private SoraConfiguration configuration = new SoraConfiguration();
    @Metadata(label = "advanced", defaultValue = "4",
              description = "Threads on which routes continue after a job finishes (downloads are checked and"
                            + " moved there too). Jobs in flight hold no thread.")
    private int workerPoolSize = 4;
    @Metadata(label = "cost",
              description = "The most the jobs submitted in one UTC day may cost, in US dollars, estimated from the"
                            + " price table, for every billable call (generate, create, remix, edit, extend,"
                            + " storyboard shots). A job that would go past it is refused with"
                            + " SoraBudgetExceededException before anything is sent; jobs already submitted go on."
                            + " Kept in the component's job store when it is durable (file or JDBC: a restart keeps"
                            + " it, nodes sharing a JDBC store share it), else in memory. Not set: no limit.")
    private Double maxSpendPerDay;

    private SpendingBudget budget;
    private JobEngine engine;

    private final Map<HttpTransport.Key, HttpTransport> transports = new ConcurrentHashMap<>();
    private final Map<ProviderKey, VideoProvider> providers = new ConcurrentHashMap<>();

    /** A provider instance per profile, server, credential and settings (the record masks the key in toString). */
    private record ProviderKey(String profile, ClientSettings settings) {
    }
    private final Map<SSLContextParameters, SSLContext> sslContexts = new ConcurrentHashMap<>();
    /** Limits are shared per server and key; the key is kept only as a hash. */
    private final Map<String, Limiter> limiters = new ConcurrentHashMap<>();
    /** The stores endpoints use (purged hourly of finished records). */
    private final Set<JobStore> stores = ConcurrentHashMap.newKeySet();
    private final JobStore defaultJobStore = new InMemoryJobStore();
    /**
     * Names this node in job records, so logs and tables tell which process worked on a job. Set when the component
     * starts, never in an initialiser: a component built ahead of time (Quarkus) must not carry the build's host and
     * pid.
     */
    private volatile String owner;
    private ScheduledExecutorService timer;
    private ExecutorService workers;
    private final AtomicInteger webhookConsumers = new AtomicInteger();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SoraConfiguration endpointConfiguration = configuration.copy();
        // the endpoint shows its URI with secrets masked (the dev console, route dumps and error messages print
        // Endpoint.getEndpointUri() as it is) and tells itself from others by the URI as given, secrets included
        SoraEndpoint endpoint = new SoraEndpoint(uri, this, endpointConfiguration);
        endpoint.setOperation(remaining == null || remaining.isEmpty()
                ? SoraOperation.generate
                : getCamelContext().getTypeConverter().mandatoryConvertTo(SoraOperation.class, remaining));
        if (endpoint.getOperation() == SoraOperation.videos) {
            // listing every few hundred milliseconds (the scheduler's default) would be wasteful: jobs take minutes
            endpoint.setDelay(SoraEndpoint.DEFAULT_VIDEOS_DELAY);
        }
        // providerOptions.<name>=<value>: the provider's own fields, merged over the component's
        Map<String, Object> providerOptions = org.apache.camel.util.PropertiesHelper.extractProperties(parameters,
                "providerOptions.");
        if (!providerOptions.isEmpty() || endpointConfiguration.getProviderOptions() != null) {
            Map<String, Object> merged = new java.util.LinkedHashMap<>();
            if (endpointConfiguration.getProviderOptions() != null) {
                merged.putAll(endpointConfiguration.getProviderOptions());
            }
            merged.putAll(providerOptions);
            endpointConfiguration.setProviderOptions(merged);
        }
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ClasspathCheck.verify();
        // one pending task per job in flight: Camel's default profile caps the queue at 1000, so lift the cap
        ThreadPoolProfile timerProfile = new ThreadPoolProfileBuilder("SoraJobTimer").poolSize(1).maxPoolSize(1)
                .maxQueueSize(-1).build();
        // named sources: Camel's JMX names a pool after its source, so both pools show under their own names
        // (org.apache.camel:type=threadpools,name=SoraWorker) instead of colliding under the component's
        timer = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(poolName("SoraJobTimer"),
                "SoraJobTimer", timerProfile);
        workers = getCamelContext().getExecutorServiceManager().newFixedThreadPool(poolName("SoraWorker"),
                "SoraWorker", workerPoolSize);
        // the day's spend lives in the component's job store when it is durable (restarts, nodes sharing JDBC)
        budget = new SpendingBudget(maxSpendPerDay == null ? null : BigDecimal.valueOf(maxSpendPerDay),
                Clock.systemUTC(), configuration.getJobStore() instanceof SpendLedger durable ? durable
                        : SpendLedger.inMemory());
        JobEngine[] self = new JobEngine[1];
        JobMetrics metrics = MeterRegistryLookup.metrics(getCamelContext(),
                () -> self[0] == null ? 0 : self[0].tracker().inFlightCount());
        owner = ProcessHandle.current().pid() + "@" + hostName() + "/"
                + java.util.UUID.randomUUID().toString().substring(0, 8);
        engine = new JobEngine(timer, continuations(), new JobMonitor(metrics, Clock.systemUTC()), owner,
                Clock.systemUTC());
        self[0] = engine;
        stores.add(defaultJobStore);
        // finished records only answer late redeliveries: keep them an hour in memory, a week in durable stores
        // on a worker: a JDBC or file store's delete must not stall the timer that runs every poll
        timer.scheduleWithFixedDelay(() -> workers.execute(this::purgeFinishedJobs), 1, 60,
                java.util.concurrent.TimeUnit.MINUTES);
    }

    @Override
    protected void doStop() throws Exception {
        if (engine != null) {
            engine.close();
        }
        for (VideoProvider provider : providers.values()) {
            if (provider instanceof AutoCloseable closeable && !(provider instanceof io.github.camelsora.api.VideosClient)) {
                try {
                    closeable.close(); // an SDK-based provider's clients; the shared transports are closed below
                } catch (Exception e) {
                    org.slf4j.LoggerFactory.getLogger(SoraComponent.class).warn("Could not close {}: {}", provider,
                            e.getMessage());
                }
            }
        }
        providers.clear();
        transports.values().forEach(HttpTransport::close);
        transports.clear();
        limiters.clear();
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

    /**
     * The shared transport for a TLS/proxy setting, created on first use: its I/O threads come from Camel's
     * ExecutorServiceManager and its deadlines run on the component's timer.
     */
    HttpTransport transport(HttpTransport.Key key) {
        return transports.computeIfAbsent(key, k -> new HttpTransport(k,
                runnable -> getCamelContext().getExecutorServiceManager().newThread("SoraHttpIO", runnable), timer));
    }

    /** A safe fetcher (reference images named by URL) over the shared transport. */
    SafeFetcher fetcher(FetchPolicy policy, HttpTransport.Key key) {
        return new SafeFetcher(policy, transport(key));
    }

    /** The provider for a profile, server and credential; it holds no thread (it sends through a shared transport). */
    VideoProvider provider(ProviderProfile profile, ClientSettings settings) {
        HttpTransport transport = transport(HttpTransport.Key.of(settings.transport(), settings.connectTimeout(),
                settings.maxConnections()));
        return providers.computeIfAbsent(new ProviderKey(profile.name(), settings),
                k -> VideoProviderFactory.of(profile).create(profile, settings, transport));
    }

    /** The job engine: keyed runs, waits, downloads, and the registry of jobs in flight. */
    public JobEngine engine() {
        return engine;
    }

    /** The registry of the jobs generate and await are waiting for; the webhook consumer nudges them. */
    public JobTracker tracker() {
        return engine == null ? null : engine.tracker();
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

    /** The metrics and log lines of jobs. */
    public JobMonitor monitor() {
        return engine.monitor();
    }

    SpendingBudget budget() {
        return budget;
    }

    /** The store of keyed jobs: the endpoint's, else the component's in-memory one. */
    JobStore store(JobStore configured) {
        JobStore effective = configured != null ? configured : defaultJobStore;
        stores.add(effective);
        return effective;
    }

    /**
     * Whether a job was delivered here or is being waited for: a late webhook event about it must not deliver it
     * again (the registry remembers the last jobs; the stores remember theirs).
     */
    public boolean isKnownJob(String videoId) {
        if (engine != null && engine.tracker().isTracked(videoId)) {
            return true;
        }
        for (JobStore store : stores) {
            try {
                if (store.holdsVideo(videoId)) {
                    return true;
                }
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(SoraComponent.class).warn("Cannot look up video {} in {}: {}",
                        videoId, store, e.getMessage());
            }
        }
        return false;
    }

    private void purgeFinishedJobs() {
        java.time.Instant now = java.time.Instant.now();
        for (JobStore store : stores) {
            try {
                store.purgeFinishedBefore(now.minus(store instanceof InMemoryJobStore
                        ? java.time.Duration.ofHours(1) : java.time.Duration.ofDays(7)));
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(SoraComponent.class).warn("Purging {} failed: {}", store,
                        e.getMessage());
            }
        }
    }

    /**
     * The limiter of one server and key. Its limits are set once: every endpoint for that server and key must ask
     * for the same ones, else the endpoint fails at start naming both (rather than the first endpoint winning
     * silently). Set them on the component to share them.
     */
    Limiter limiter(String baseUrl, String apiKey, SoraConfiguration config) {
        String id = baseUrl + "|" + (apiKey == null ? "" : io.github.camelsora.job.JobStores.hash(apiKey));
        Limiter.Limits wanted = new Limiter.Limits(config.getMaxConcurrentJobs(), config.getMaxRequestsPerMinute(),
                config.getMaxWaitingJobs());
        Limiter limiter = limiters.computeIfAbsent(id, k -> new Limiter(wanted, timer));
        if (!limiter.limits().equals(wanted)) {
            throw new IllegalArgumentException("Conflicting limits for " + baseUrl + " and one key: an endpoint asks"
                    + " for " + wanted + " but another already uses " + limiter.limits() + "; limits are shared per"
                    + " server and key, so set maxConcurrentJobs, maxRequestsPerMinute and maxWaitingJobs the same"
                    + " on every such endpoint, or once on the component");
        }
        return limiter;
    }

    /** A pool's JMX name: {@code base}, or {@code base-<name>} for a sora component registered under another name. */
    private String poolName(String base) {
        for (String name : getCamelContext().getComponentNames()) {
            if (getCamelContext().hasComponent(name) == this) {
                return "sora".equals(name) ? base : base + "-" + name;
            }
        }
        return base;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    /** The component's timer: schedule short tasks only (a deadline, a poll), never work that blocks. */
    public ScheduledExecutorService timer() {
        return timer;
    }

    /**
     * Where routes continue after a job. Once the pool is shut down (the context is stopping), the continuation
     * runs on the calling thread instead: an exchange must never be left without its callback.
     */
    public Executor continuations() {
        return command -> {
            // the exchange's scope (MDC, meter tags, trace context) goes along to the worker
            Runnable task = io.github.camelsora.api.JobScope.capture(command);
            try {
                workers.execute(task);
            } catch (RejectedExecutionException e) {
                task.run();
            }
        };
    }

    // ---- JMX: merged into Camel's managed component (org.apache.camel:type=components,name="sora") ----

    @ManagedAttribute(description = "Jobs being waited for (generate, await) by every endpoint of this component")
    public int getJobsInFlight() {
        return engine == null ? 0 : engine.tracker().inFlightCount();
    }

    @ManagedAttribute(description = "What the jobs submitted today (UTC) are estimated to cost, in US dollars")
    public double getBudgetSpentToday() {
        return budget == null ? 0 : budget.spentToday().doubleValue();
    }

    @ManagedAttribute(description = "The most the jobs of one UTC day may cost (maxSpendPerDay), -1 when unlimited")
    public double getBudgetLimit() {
        return maxSpendPerDay == null ? -1 : maxSpendPerDay;
    }

    @ManagedAttribute(description = "Exchanges and requests waiting in the limiters of every server and key")
    public int getLimiterQueueLength() {
        return limiters.values().stream().mapToInt(Limiter::queueLength).sum();
    }

    @ManagedAttribute(description = "Threads on which routes continue after a job (the SoraWorker pool)")
    public int getWorkerPoolThreads() {
        return workerPoolSize;
    }

    @ManagedAttribute(description = "HTTP transports (one per TLS and proxy setting, each with its own I/O threads)")
    public int getHttpTransports() {
        return transports.size();
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
     * The most the jobs submitted in one UTC day may cost, in US dollars, estimated from the price table, for every
     * billable call (generate, create, remix, edit, extend, storyboard shots). A job that would go past it is refused
     * with SoraBudgetExceededException before anything is sent; jobs already submitted go on. Kept in the
     * component's job store when it is durable (file or JDBC: a restart keeps it, nodes sharing a JDBC store share
     * it), else in memory. Not set: no limit.
     */
    public void setMaxSpendPerDay(Double maxSpendPerDay) {
        this.maxSpendPerDay = maxSpendPerDay;
    }
}
