package io.casework.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) on a free local port for the service's mailer, shared by every test of the
 * JVM. Tests read what arrived and can take the server down to simulate an outage. Like a real server, it
 * refuses unknown mailboxes for good: addresses starting with {@code bounce-} (see RejectingGreenMail).
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private static final String HOST = "127.0.0.1";

    private static final Map<String, List<Instant>> ACCEPTED = new ConcurrentHashMap<>();
    private static ServerSetup setup;
    private static GreenMail greenMail;

    @Override
    public synchronized Map<String, String> start() {
        setup = new ServerSetup(freePort(), HOST, ServerSetup.PROTOCOL_SMTP);
        greenMail = new RejectingGreenMail(setup);
        greenMail.start();
        return Map.of("quarkus.mailer.host", HOST, "quarkus.mailer.port", Integer.toString(setup.getPort()));
    }

    @Override
    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    /** Every message received (since the last {@link #startAgain()}) with {@code address} among its recipients. */
    public static synchronized List<MimeMessage> messagesTo(String address) {
        if (greenMail == null) {
            throw new IllegalStateException("The SMTP server was not started: is TestInfrastructure on the class path?");
        }
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> isTo(m, address)).toList();
    }

    /** When the server accepted each message to {@code address} (lower case), in order; kept across restarts. */
    public static List<Instant> acceptedAt(String address) {
        return List.copyOf(ACCEPTED.getOrDefault(address.toLowerCase(Locale.ROOT), List.of()));
    }

    static void accepted(String address, Instant at) {
        ACCEPTED.computeIfAbsent(address.toLowerCase(Locale.ROOT), a -> new CopyOnWriteArrayList<>()).add(at);
    }

    /** Takes the server down: connections to its port are refused until {@link #startAgain()}. */
    public static synchronized void takeDown() {
        greenMail.stop();
    }

    /** Brings the server back on the same port, with empty mailboxes. */
    public static synchronized void startAgain() {
        greenMail = new RejectingGreenMail(setup);
        greenMail.start();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable message in GreenMail", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
