package dev.sfbackup.policy.service;

import dev.sfbackup.policy.NotificationChannel;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;

/** Sends an alert as a plain-text email through the SMTP server of quarkus.mailer.*. */
@ApplicationScoped
class EmailSender {

    private final Mailer mailer;

    EmailSender(Mailer mailer) {
        this.mailer = mailer;
    }

    void send(NotificationChannel channel, AlertMessage message) {
        Mail mail = Mail.withText(channel.recipients.getFirst(), message.subject(), message.text());
        mail.setTo(channel.recipients);
        mailer.send(mail);
    }
}
