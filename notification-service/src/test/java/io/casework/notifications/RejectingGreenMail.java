package io.casework.notifications;

import java.time.Instant;
import java.util.Map;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail that, like a real mail server, refuses unknown mailboxes for good: any address whose local part
 * starts with {@code bounce-} gets {@code 550 5.1.1} at RCPT TO. Everything else is accepted as usual, and
 * the time of acceptance is noted per recipient (for the latency benchmark).
 */
final class RejectingGreenMail extends GreenMail {

    RejectingGreenMail(ServerSetup setup) {
        super(setup);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers ignored) {
        managers = new RejectingManagers();
        return super.createServices(config, managers);
    }

    private static final class RejectingManagers extends Managers {

        private final SmtpManager smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
            @Override
            public String checkRecipient(SmtpState state, MailAddress address) {
                if (address.getEmail().toLowerCase().startsWith("bounce-")) {
                    return "550 5.1.1 <" + address.getEmail() + ">: Recipient address rejected: User unknown";
                }
                return super.checkRecipient(state, address);
            }

            @Override
            public synchronized void send(SmtpState state) {
                // The whole message is in: the server accepts it (250) right after this.
                Instant now = Instant.now();
                for (MailAddress to : state.getMessage().getToAddresses()) {
                    SmtpServer.accepted(to.getEmail(), now);
                }
                super.send(state);
            }
        };

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }
    }
}
