-- An alert reported twice (a retry, several session-service or storage-service replicas) is queued once per channel:
-- event_key names the occurrence (a run's id and outcome, a cache episode, a verify). NULL keys never collide.
alter table alert_delivery add column event_key text;
create unique index alert_delivery_once on alert_delivery (channel_id, event_key);
