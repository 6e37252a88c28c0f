package io.casework.notifications.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Type-safe mail templates under templates/mail/, each with a .txt and an .html variant. */
@CheckedTemplate(basePath = "mail")
final class MailTemplates {

    private MailTemplates() {
    }

    static native TemplateInstance caseOpened(CaseMail supportCase, String firstResponseDue);

    static native TemplateInstance caseUpdate(CaseMail supportCase, CaseUpdate update);

    static native TemplateInstance slaAlert(SlaMail sla);

    static native TemplateInstance incident(IncidentMail incident);

    static native TemplateInstance contract(ContractMail contract);
}
