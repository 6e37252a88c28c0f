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

    @Message("First response due by {due}.")
    String firstResponseDue(String due);

    @Message("View the case:")
    String caseLink();

    @Message("[{number}] First-response target: {subject}")
    String firstResponseTargetSubject(String number, String subject);

    @Message("As promised in our receipt, here is the first-response target that your support plan sets for your case {number}:")
    String firstResponseTargetIntro(String number);

    @Message("{#when state}{#is 'NEW'}New{#is 'IN_PROGRESS'}In progress{#is 'ACTION_REQUIRED'}Waiting for your reply{#is 'SOLUTION_PROVIDED'}Solution provided{#is 'ON_HOLD'}On hold{#is 'CLOSED'}Closed{#else}{state}{/when}")
    String stateName(String state);

    @Message("[{number}] Status: {state} - {subject}")
    String stateChangedSubject(String number, String state, String subject);

    @Message("The status of your case {number} is now: {state}.")
    String stateChangedIntro(String number, String state);

    @Message("Reason: {reason}")
    String reasonLine(String reason);

    @Message("[{number}] New reply: {subject}")
    String commentedSubject(String number, String subject);

    @Message("Our support team replied on your case {number}:")
    String commentedBySupport(String number);

    @Message("{author} replied on case {number}:")
    String commentedByCustomer(String author, String number);

    @Message("[{number}] Case escalated: {subject}")
    String escalatedSubject(String number, String subject);

    @Message("Your case {number} was escalated: a support manager now follows it closely.")
    String escalatedIntro(String number);

    @Message("{#when reason}{#is 'RESOLUTION_TIME'}Reason: the resolution is taking too long.{#is 'TECHNICAL_EXPERTISE'}Reason: more technical expertise is needed.{#is 'BUSINESS_IMPACT'}Reason: the business impact is high.{#else}Reason: {reason}{/when}")
    String escalationReason(String reason);

    @Message("[{number}] Solution provided: {subject}")
    String resolvedSubject(String number, String subject);

    @Message("Our support team has provided a solution for your case {number}.")
    String resolvedIntro(String number);

    @Message("{#when code}{#is 'RESOLVED'}Resolution: the problem is solved.{#is 'FEATURE_REQUEST'}Resolution: this is a feature request; it was passed on to the product team.{#is 'CANNOT_REPRODUCE'}Resolution: we could not reproduce the problem; tell us if it happens again.{#is 'THIRD_PARTY'}Resolution: the cause lies with a third party outside our control.{#is 'OUT_OF_SCOPE'}Resolution: the request is outside the scope of your support plan.{#is 'OUTAGE_RESOLVED'}Resolution: the outage behind the problem was fixed.{#else}Resolution: {code}{/when}")
    String resolutionCode(String code);

    @Message("If the solution does not work for you, reply on the case and we will continue.")
    String resolvedNext();

    @Message("[{number}] Case closed: {subject}")
    String closedSubject(String number, String subject);

    @Message("Your case {number} is now closed.")
    String closedIntro(String number);

    @Message("It was closed automatically, some time after the solution was provided.")
    String closedAutomatically();

    @Message("How did we do? Tell us in a one-minute survey (no login needed):")
    String surveyInvitation();

    @Message("[{number}] Case reopened: {subject}")
    String reopenedSubject(String number, String subject);

    @Message("Your case {number} was reopened and is back with our support team.")
    String reopenedIntro(String number);
}
