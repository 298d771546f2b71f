-- The services' least-privilege roles and everything each may do; run by the admin login (Flyway's user),
-- which owns the schema and the change-capture publication. A deployment makes the roles logins with
-- passwords before the first start (./rainbow up, k8s/base/postgres/init-roles.sh); any still missing are
-- created here without login, so the grants below always have a grantee. Later migrations grant what they add.
do $$
begin
    if not exists (select from pg_roles where rolname = 'rainbow_api') then
        create role rainbow_api nologin;
    end if;
    if not exists (select from pg_roles where rolname = 'rainbow_capture') then
        create role rainbow_capture nologin replication;
    end if;
    if not exists (select from pg_roles where rolname = 'rainbow_pipeline') then
        create role rainbow_pipeline nologin;
    end if;
end;
$$;

-- rainbow-api: reads and writes the shop's tables and draws their ids; no DDL, no history, no replication.
grant usage on schema public to rainbow_api;
grant select, insert, update, delete
    on customers, sellers, products, promotions, payments, orders, order_details to rainbow_api;
grant usage, select
    on sequence customers_seq, sellers_seq, products_seq, promotions_seq, payments_seq, orders_seq, order_details_seq
    to rainbow_api;
-- The row history is written by its trigger on the API's behalf, with the rights of the function's owner.
alter function history.record_change() security definer set search_path = pg_catalog, pg_temp;

-- stream-bridge's capture: the publication (owned by the admin) lists the captured tables; capture reads them
-- (Debezium's snapshot), streams them over a replication slot (REPLICATION) and beats on its heartbeat table.
-- REPLICA IDENTITY FULL: a delete carries the whole old row, which the speed views need to subtract it.
create table if not exists rainbow_cdc_heartbeat (id int primary key, beat_at timestamptz not null);
alter table customers replica identity full;
alter table sellers replica identity full;
alter table products replica identity full;
alter table promotions replica identity full;
alter table payments replica identity full;
alter table orders replica identity full;
alter table order_details replica identity full;
do $$
begin
    if exists (select from pg_publication where pubname = 'rainbow_speed') then
        alter publication rainbow_speed set table customers, sellers, products, promotions, payments, orders,
            order_details, rainbow_cdc_heartbeat;
    else
        create publication rainbow_speed for table customers, sellers, products, promotions, payments, orders,
            order_details, rainbow_cdc_heartbeat;
    end if;
end;
$$;
grant usage on schema public to rainbow_capture;
grant select on customers, sellers, products, promotions, payments, orders, order_details to rainbow_capture;
grant select, insert, update on rainbow_cdc_heartbeat to rainbow_capture;

-- batch-pipeline: reads the row history only. pg_read_all_stats lets the extract see other sessions'
-- transaction starts: it waits for transactions begun before midnight before it extracts the day.
grant usage on schema history to rainbow_pipeline;
grant select on all tables in schema history to rainbow_pipeline;
grant pg_read_all_stats to rainbow_pipeline;
