package io.casework.notifications.mail;

import java.nio.charset.StandardCharsets;

import io.casework.notifications.domain.Language;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;

/** Renders mails from the Qute templates and the {@link MailMessages} bundle, in the recipient's language. */
@ApplicationScoped
public class MailComposer {

    public ComposedMail caseOpened(CaseMail supportCase, Language language) {
        return new ComposedMail(
                messages(language).caseOpenedSubject(supportCase.number(), supportCase.subject()),
                render(MailTemplates.caseOpened(supportCase), language, Variant.TEXT_PLAIN),
                render(MailTemplates.caseOpened(supportCase), language, Variant.TEXT_HTML));
    }

    private static MailMessages messages(Language language) {
        return MessageBundles.get(MailMessages.class, Localized.Literal.of(language.code()));
    }

    private static String render(TemplateInstance template, Language language, String contentType) {
        return template
                .setLocale(language.locale())
                .setVariant(new Variant(language.locale(), StandardCharsets.UTF_8, contentType))
                .render();
    }
}
