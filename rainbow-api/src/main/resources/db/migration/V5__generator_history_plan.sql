-- Where the traffic generator is in the history it backdates: each day is written in one transaction together
-- with next_day, so a first start interrupted anywhere (seeding, history) resumes on the next start. Neither
-- captured nor extracted: it is the generator's bookkeeping, not shop data.
create table generator_history_plan (
    id         int primary key check (id = 1),
    seed       bigint not null,
    first_day  date   not null,
    end_day    date   not null,  -- exclusive: the day the history was planned on
    next_day   date   not null,  -- the first day not written yet; end_day once the history is complete
    updated_at timestamptz not null default now()
);
grant select, insert, update on generator_history_plan to rainbow_api;
