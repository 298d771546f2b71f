-- Rainbow OLTP schema (ARCHITECTURE.md section 4).
-- Ids come from sequences with increment 50 so Hibernate's pooled optimizer can batch inserts
-- (IDENTITY columns would force one round trip per row); a plain INSERT may still use the default.

create function rainbow_touch_updated_at() returns trigger
language plpgsql as $$
begin
    -- An application that sets updated_at itself (e.g. the generator backdating history) keeps its value;
    -- any other update gets the transaction time.
    if new.updated_at is not distinct from old.updated_at then
        new.updated_at := now();
    end if;
    return new;
end;
$$;

create sequence customers_seq increment by 50;
create table customers (
    id          bigint primary key default nextval('customers_seq'),
    first_name  varchar(100) not null,
    last_name   varchar(100) not null,
    email       varchar(255) not null,
    phone       varchar(40),
    city        varchar(100),
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    constraint customers_email_unique unique (email)
);

create sequence sellers_seq increment by 50;
create table sellers (
    id          bigint primary key default nextval('sellers_seq'),
    name        varchar(200) not null,
    city        varchar(100),
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);

create sequence products_seq increment by 50;
create table products (
    id          bigint primary key default nextval('products_seq'),
    seller_id   bigint        not null references sellers (id),
    name        varchar(200)  not null,
    category    varchar(100)  not null,
    price       numeric(10,2) not null check (price >= 0),
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now()
);
create index products_seller_idx on products (seller_id);

create sequence promotions_seq increment by 50;
create table promotions (
    id              bigint primary key default nextval('promotions_seq'),
    name            varchar(200)  not null,
    discount_type   varchar(20)   not null check (discount_type in ('PERCENTAGE', 'FIXED')),
    discount_value  numeric(10,2) not null check (discount_value >= 0),
    start_date      date          not null,
    end_date        date          not null,
    usage_limit     integer       check (usage_limit > 0),
    usage_count     integer       not null default 0 check (usage_count >= 0),
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now(),
    constraint promotions_dates check (end_date >= start_date),
    constraint promotions_percentage check (discount_type <> 'PERCENTAGE' or discount_value <= 100),
    constraint promotions_usage check (usage_limit is null or usage_count <= usage_limit)
);

create sequence payments_seq increment by 50;
create table payments (
    id          bigint primary key default nextval('payments_seq'),
    method      varchar(40) not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    constraint payments_method_unique unique (method)
);

create sequence orders_seq increment by 50;
create table orders (
    id            bigint primary key default nextval('orders_seq'),
    customer_id   bigint        not null references customers (id),
    payment_id    bigint        not null references payments (id),
    promotion_id  bigint        references promotions (id),
    status        varchar(20)   not null default 'PLACED'
                  check (status in ('PLACED', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
    total_amount  numeric(12,2) not null check (total_amount >= 0),
    created_at    timestamptz   not null default now(),
    updated_at    timestamptz   not null default now()
);
-- Keyset pagination, newest first.
create index orders_created_idx on orders (created_at desc, id desc);
create index orders_customer_idx on orders (customer_id);

create sequence order_details_seq increment by 50;
create table order_details (
    id             bigint primary key default nextval('order_details_seq'),
    order_id       bigint        not null references orders (id),
    product_id     bigint        not null references products (id),
    quantity       integer       not null check (quantity > 0),
    regular_price  numeric(10,2) not null check (regular_price >= 0),
    price          numeric(10,2) not null check (price >= 0),
    created_at     timestamptz   not null default now(),
    updated_at     timestamptz   not null default now()
);
create index order_details_order_idx on order_details (order_id);
create index order_details_product_idx on order_details (product_id);

create trigger customers_touch before update on customers for each row execute function rainbow_touch_updated_at();
create trigger sellers_touch before update on sellers for each row execute function rainbow_touch_updated_at();
create trigger products_touch before update on products for each row execute function rainbow_touch_updated_at();
create trigger promotions_touch before update on promotions for each row execute function rainbow_touch_updated_at();
create trigger payments_touch before update on payments for each row execute function rainbow_touch_updated_at();
create trigger orders_touch before update on orders for each row execute function rainbow_touch_updated_at();
create trigger order_details_touch before update on order_details for each row execute function rainbow_touch_updated_at();
