-- When each change was written, beside the day it belongs to (changed_at, the row's own updated_at). A row
-- written today with an earlier updated_at (backdated history, a late correction) belongs to an old day
-- whose partition may already have run; the daily extract also takes the changes recorded in its day,
-- so such a row reaches the batch layer with the next partition instead of never.
do $$
declare
    t text;
begin
    foreach t in array array['customers', 'sellers', 'products', 'promotions', 'payments', 'orders', 'order_details']
    loop
        execute format('alter table history.%I add column recorded_at timestamptz', t);
        execute format('update history.%I set recorded_at = changed_at', t);
        -- The trigger inserts positionally without this trailing column: the default stamps it.
        execute format('alter table history.%I alter column recorded_at set default now(), '
                       'alter column recorded_at set not null', t);
        execute format('create index %I on history.%I (recorded_at)', t || '_recorded_at_idx', t);
    end loop;
end;
$$;
