package io.github.camelsora.examples.servers;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/** GreenMail with SMTP and IMAP on free ports of 127.0.0.1: a real mail server, in memory. */
public final class EmbeddedMailServer implements AutoCloseable {

    private final GreenMail mail;

    public EmbeddedMailServer() {
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
    }

    /** Creates a mailbox; the login is the address. */
    public void addUser(String address, String password) {
        mail.setUser(address, address, password);
    }

    public int smtpPort() {
        return mail.getSmtp().getPort();
    }

    public int imapPort() {
        return mail.getImap().getPort();
    }

    public GreenMail greenMail() {
        return mail;
    }

    @Override
    public void close() {
        mail.stop();
    }
}
