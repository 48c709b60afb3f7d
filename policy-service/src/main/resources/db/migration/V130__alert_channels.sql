-- Notification channels (span every org, admin only), which of them hear about a policy and for what, and every
-- alert sent to a channel with its attempts (retried with backoff; a failing channel never fails a run).
create table notification_channel (
    id           uuid primary key,
    name         varchar(200) not null,
    type         varchar(16)  not null,
    url          text,
    slack_format boolean      not null default false,
    recipients   jsonb        not null default '[]',
    enabled      boolean      not null default true,
    created_at   timestamptz  not null
);
create unique index notification_channel_name on notification_channel (lower(name));

create table policy_alert_subscription (
    policy_id   uuid  primary key references policy (id) on delete cascade,
    channel_ids jsonb not null,
    outcomes    jsonb not null
);

create table alert_delivery (
    id              bigserial primary key,
    channel_id      uuid        not null references notification_channel (id) on delete cascade,
    policy_id       uuid        not null,
    run_id          uuid,
    outcome         varchar(32) not null,
    message         text        not null,
    status          varchar(16) not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz
);
create index alert_delivery_due on alert_delivery (next_attempt_at) where status = 'PENDING';
create index alert_delivery_policy on alert_delivery (policy_id, id);
