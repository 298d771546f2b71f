-- Row history for the batch layer: every insert, update and delete of a Rainbow table also lands, as the
-- whole new row (the old one for a delete), in history.<table>. The daily extract reads a day's changes from
-- here, so a row changed several times in a day yields every version, and a row changed again after midnight
-- still shows its earlier versions in the day they happened. The speed layer reads the WAL, not these tables.

create schema history;
-- One sequence over all tables: a total order of changes for deterministic ordering within a timestamp.
create sequence history.change_seq;

create function history.record_change() returns trigger
language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        execute format('insert into history.%I select ($1).*, ''D'', now(), nextval(''history.change_seq'')', tg_table_name)
            using old;
        return old;
    end if;
    -- Inserts and updates are dated by the row's own updated_at, so backdated history lands in its day.
    execute format('insert into history.%I select ($1).*, %L, ($1).updated_at, nextval(''history.change_seq'')',
                   tg_table_name, left(tg_op, 1))
        using new;
    return new;
end;
$$;

do $$
declare
    t text;
begin
    foreach t in array array['customers', 'sellers', 'products', 'promotions', 'payments', 'orders', 'order_details']
    loop
        execute format('create table history.%I (like public.%I)', t, t);
        execute format('alter table history.%I add column change_op char(1) not null, '
                       'add column changed_at timestamptz not null, add column change_seq bigint not null', t);
        execute format('create index %I on history.%I (changed_at)', t || '_changed_at_idx', t);
        -- Rows that existed before this migration enter history as inserts at their last update.
        execute format('insert into history.%I select p.*, ''I'', p.updated_at, nextval(''history.change_seq'') '
                       'from public.%I p order by p.id', t, t);
        execute format('create trigger %I after insert or update or delete on public.%I '
                       'for each row execute function history.record_change()', t || '_history', t);
    end loop;
end;
$$;
