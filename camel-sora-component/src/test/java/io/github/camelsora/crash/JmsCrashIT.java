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
package io.github.camelsora.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.camelsora.ReliabilityFiguresAccess;
import io.github.camelsora.job.EmbeddedPostgres;
import io.github.camelsora.job.JdbcJobStore;
import io.github.camelsora.job.JobRecord;
import io.github.camelsora.job.JobState;
import io.github.camelsora.simulator.SoraSimulator;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash test (b): two worker JVMs consume one queue of an embedded Artemis broker and share the JDBC job store on a
 * real PostgreSQL. One is killed with SIGKILL while it holds a job; the survivor finishes everything, and the
 * simulator (in this JVM) sees exactly one create per prompt.
 */
class JmsCrashIT {

    private static final int PROMPTS = 20;

    @TempDir
    Path temp;
    private SoraSimulator sim;
    private EmbeddedActiveMQ broker;
    private EmbeddedPostgres postgres;
    private Process victim;
    private Process survivor;

    @AfterEach
    void stop() throws Exception {
        for (Process p : new Process[] {victim, survivor}) {
            if (p != null) {
                CrashSupport.kill(p);
            }
        }
        if (broker != null) {
            broker.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void theSurvivorFinishesEveryPromptWithOneCreateEach() throws Exception {
        sim = SoraSimulator.builder().apiKey("sk-sim-jms-crash").renderTime(Duration.ofSeconds(2)).drawPrompt(false)
                .start();
        postgres = EmbeddedPostgres.start();
        JdbcJobStore store = new JdbcJobStore(postgres.dataSource());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false)
                .setSecurityEnabled(false).addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port));
        broker.start();
        // no prefetch, so that both workers get messages and the broker holds the rest
        String brokerUrl = "tcp://127.0.0.1:" + port + "?consumerWindowSize=0";
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
             Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("prompts"));
            for (int i = 0; i < PROMPTS; i++) {
                producer.send(session.createTextMessage("jms crash test prompt number " + i));
            }
        }
        Path out = Files.createDirectories(temp.resolve("out"));
        String[] args = {"mode=jms", "baseUrl=" + sim.baseUrl(), "apiKey=" + sim.apiKey(), "out=" + out,
            "broker=" + brokerUrl, "jdbc=" + postgres.jdbcUrl()};
        Path victimLog = Path.of("target", "crash-jms-victim.log");
        Path survivorLog = Path.of("target", "crash-jms-survivor.log");
        Files.deleteIfExists(victimLog);
        Files.deleteIfExists(survivorLog);

        victim = CrashSupport.startWorker(victimLog, args);
        survivor = CrashSupport.startWorker(survivorLog, args);
        String victimOwner = victim.pid() + "@";
        // kill the victim while it holds a created, undelivered job (mid-job)
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20)).until(() -> store.all()
                .stream().anyMatch(r -> r.state() == JobState.CREATED && r.owner().startsWith(victimOwner)));
        long heldByVictim = store.all().stream().filter(r -> !r.isFinished() && r.owner().startsWith(victimOwner))
                .count();
        CrashSupport.kill(victim);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> store.all().stream().filter(r -> r.state() == JobState.DELIVERED).count() >= PROMPTS);

        int creates = sim.totalCreates();
        long valid = CrashSupport.validMp4s(out);
        ReliabilityFiguresAccess.record("crash (b): 2 JVMs on Artemis + PostgreSQL store, one SIGKILLed holding "
                + heldByVictim + " job(s)", PROMPTS, creates, (int) valid, creates - PROMPTS, PROMPTS - (int) valid);
        assertThat(heldByVictim).isPositive();
        assertThat(creates).isEqualTo(PROMPTS);
        assertThat(valid).isEqualTo(PROMPTS);
        assertThat(store.all()).hasSize(PROMPTS).allSatisfy(r -> assertThat(r.state()).isEqualTo(JobState.DELIVERED));
        assertThat(store.all()).extracting(JobRecord::videoId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(sim.createdVideoIds());
        assertThat(CrashSupport.leftovers(out)).isEmpty();
    }
}
