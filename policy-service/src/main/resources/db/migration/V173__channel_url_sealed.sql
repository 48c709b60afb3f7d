-- A webhook URL carries a secret (Slack's URLs are the credential): it is sealed like connection secrets. Rows written
-- before keep their plaintext url until policy-service seals them at startup (WebhookUrls), which clears url.
alter table notification_channel add column url_sealed text;
