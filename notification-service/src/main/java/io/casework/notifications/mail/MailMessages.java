package io.casework.notifications.mail;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every sentence of the mails, in English; messages/mail_fr.properties and mail_nl.properties translate
 * them. Plain text only: the HTML templates escape whatever these return.
 */
@MessageBundle(value = "mail", locale = "en")
public interface MailMessages {

    @Message("Hello,")
    String greeting();

    @Message("The Casework Support team")
    String signature();

    @Message("Case number")
    String caseNumber();

    @Message("Subject")
    String subject();

    @Message("Product")
    String product();

    @Message("Priority")
    String priority();

    @Message("{#when priority}{#is 'P1'}Critical{#is 'P2'}Severe{#is 'P3'}Moderate{#else}Minor{/when}")
    String severity(String priority);

    @Message("[{number}] Case received: {subject}")
    String caseOpenedSubject(String number, String subject);

    @Message("We have received your support case {number}. Our support team will review it and get back to you.")
    String caseOpenedIntro(String number);

    @Message("The first-response target for this case, as set by your support plan, will follow in a separate message.")
    String caseOpenedFirstResponse();

    @Message("Please quote {number} whenever you contact us about this case.")
    String caseOpenedReference(String number);
}
