-- Idempotent order placement: a client that sends an Idempotency-Key may repeat its request (after a timeout or
-- a 503 whose outcome it cannot know) and gets the order placed the first time, never a second one. The key is
-- written in the order's own transaction. Not captured, not extracted: it is the API's bookkeeping.
create table order_requests (
    idempotency_key   varchar(100) primary key,
    order_id          bigint       not null references orders (id),
    -- a hash of the request, so a key reused for a different request is refused instead of answered wrongly
    request_hash      varchar(64)  not null,
    created_at        timestamptz  not null default now()
);
grant select, insert on order_requests to rainbow_api;
