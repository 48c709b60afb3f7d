-- An org connection. Secrets are stored sealed by SecretBox (AES-256-GCM, "v1:" prefix), bound to the row's id.
create table connection (
    id                   uuid primary key,
    name                 varchar(200)  not null,
    login_url            varchar(2000) not null,
    api_version          varchar(16)   not null,
    flow                 varchar(32)   not null check (flow in ('CLIENT_CREDENTIALS', 'JWT_BEARER')),
    client_id            varchar(500)  not null,
    client_secret_sealed text,
    username             varchar(255),
    private_key_sealed   text,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null
);
create unique index connection_name_unique on connection (lower(name));
