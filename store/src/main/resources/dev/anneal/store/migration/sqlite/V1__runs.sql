-- Anneal's run store, SQLite dialect. Times are epoch milliseconds; NaN is stored as NULL (SQLite has no NaN).
create table runs (
    id             varchar(32)  not null primary key,
    kind           varchar(16)  not null,
    name           varchar(200) not null,
    status         varchar(16)  not null,
    started_at     bigint       not null,
    ended_at       bigint,
    heartbeat_at   bigint       not null,
    lease_ms       bigint       not null,
    code_version   varchar(100),
    host           varchar(200),
    seed           bigint,
    schedule_text  text,
    schedule_hash  varchar(64),
    parent_id      varchar(32),
    message        text
);
create index runs_started_idx on runs (started_at);
create index runs_status_idx on runs (status, heartbeat_at);
create index runs_parent_idx on runs (parent_id);

create table run_config (
    run_id varchar(32)  not null,
    name   varchar(200) not null,
    value  text         not null,
    primary key (run_id, name)
) without rowid;

create table run_metrics (
    run_id varchar(32)  not null,
    name   varchar(200) not null,
    value  double precision,
    primary key (run_id, name)
) without rowid;

create table series (
    id     integer      primary key,
    run_id varchar(32)  not null,
    name   varchar(200) not null,
    grp    varchar(200) not null
);
create unique index series_run_name_idx on series (run_id, name, grp);

create table points (
    series_id bigint not null,
    step      bigint not null,
    value     double precision,
    primary key (series_id, step)
) without rowid;

create table events (
    run_id  varchar(32) not null,
    seq     integer     not null,
    step    bigint      not null,
    at_ms   bigint      not null,
    type    varchar(64) not null,
    message text        not null,
    primary key (run_id, seq)
) without rowid;

create table artifacts (
    run_id varchar(32)   not null,
    path   varchar(2000) not null,
    kind   varchar(64)   not null,
    at_ms  bigint        not null,
    primary key (run_id, path)
);
