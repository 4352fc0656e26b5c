package io.github.camelsora.examples.servers;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** An ActiveMQ Artemis broker inside this JVM (in-VM acceptor, no persistence, no security): a real JMS broker. */
public final class EmbeddedBroker implements AutoCloseable {

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();

    public EmbeddedBroker() throws Exception {
        broker.setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("in-vm", "vm://0"));
        broker.start();
    }

    /** A fresh client connection factory for this broker. */
    public ConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory("vm://0");
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
