-- Rainbow source data with known answers (UTC): master data on 2026-02-28 (day 0), then three days of
-- orders and changes. Day 1: 2026-03-01, day 2: 03-02, day 3: 03-03.
insert into payments (id, method, created_at, updated_at) values
  (1, 'CASH', '2026-02-28 08:00+00', '2026-02-28 08:00+00'),
  (2, 'CREDIT_CARD', '2026-02-28 08:00+00', '2026-02-28 08:00+00');
insert into sellers (id, name, city, created_at, updated_at) values
  (1, 'Rossi Market', 'Milan', '2026-02-28 08:00+00', '2026-02-28 08:00+00');
insert into products (id, seller_id, name, category, price, created_at, updated_at) values
  (1, 1, 'Classic Lamp', 'Home', 20.00, '2026-02-28 08:00+00', '2026-02-28 08:00+00'),
  (2, 1, 'Eco Mug', 'Home', 4.50, '2026-02-28 08:00+00', '2026-02-28 08:00+00');
insert into customers (id, first_name, last_name, email, city, created_at, updated_at) values
  (1, 'Ada', 'Lovelace', 'ada1@mail.example', 'London', '2026-03-01 07:00+00', '2026-03-01 07:00+00'),
  (2, 'Alan', 'Turing', 'alan@mail.example', 'Wilmslow', '2026-02-28 08:00+00', '2026-02-28 08:00+00');
insert into promotions (id, name, discount_type, discount_value, start_date, end_date, created_at, updated_at) values
  (1, '10% off', 'PERCENTAGE', 10, '2026-03-01', '2026-03-31', '2026-02-28 08:00+00', '2026-02-28 08:00+00');

-- Day 1: two orders; the customer changes email twice.
insert into orders (id, customer_id, payment_id, promotion_id, total_amount, created_at, updated_at) values
  (1, 1, 1, null, 44.50, '2026-03-01 09:00+00', '2026-03-01 09:00+00');
insert into order_details (id, order_id, product_id, quantity, regular_price, price, created_at, updated_at) values
  (1, 1, 1, 2, 20.00, 20.00, '2026-03-01 09:00+00', '2026-03-01 09:00+00'),
  (2, 1, 2, 1, 4.50, 4.50, '2026-03-01 09:00+00', '2026-03-01 09:00+00');
update customers set email = 'ada2@mail.example', updated_at = '2026-03-01 10:00+00' where id = 1;
update customers set email = 'ada3@mail.example', updated_at = '2026-03-01 18:00+00' where id = 1;
insert into orders (id, customer_id, payment_id, promotion_id, total_amount, created_at, updated_at) values
  (2, 2, 2, 1, 54.00, '2026-03-01 20:00+00', '2026-03-01 20:00+00');
insert into order_details (id, order_id, product_id, quantity, regular_price, price, created_at, updated_at) values
  (3, 2, 1, 3, 20.00, 18.00, '2026-03-01 20:00+00', '2026-03-01 20:00+00');

-- Day 2: the lamp is repriced between two orders.
insert into orders (id, customer_id, payment_id, promotion_id, total_amount, created_at, updated_at) values
  (3, 1, 2, null, 20.00, '2026-03-02 08:00+00', '2026-03-02 08:00+00');
insert into order_details (id, order_id, product_id, quantity, regular_price, price, created_at, updated_at) values
  (4, 3, 1, 1, 20.00, 20.00, '2026-03-02 08:00+00', '2026-03-02 08:00+00');
update products set price = 25.00, updated_at = '2026-03-02 12:00+00' where id = 1;
insert into orders (id, customer_id, payment_id, promotion_id, total_amount, created_at, updated_at) values
  (4, 2, 1, null, 54.50, '2026-03-02 15:00+00', '2026-03-02 15:00+00');
insert into order_details (id, order_id, product_id, quantity, regular_price, price, created_at, updated_at) values
  (5, 4, 1, 2, 25.00, 25.00, '2026-03-02 15:00+00', '2026-03-02 15:00+00'),
  (6, 4, 2, 1, 4.50, 4.50, '2026-03-02 15:00+00', '2026-03-02 15:00+00');

-- Day 3: one order with the promotion, and the customer changes once more.
update customers set email = 'ada4@mail.example', updated_at = '2026-03-03 06:00+00' where id = 1;
insert into orders (id, customer_id, payment_id, promotion_id, total_amount, created_at, updated_at) values
  (5, 1, 1, 1, 22.50, '2026-03-03 11:00+00', '2026-03-03 11:00+00');
insert into order_details (id, order_id, product_id, quantity, regular_price, price, created_at, updated_at) values
  (7, 5, 1, 1, 25.00, 22.50, '2026-03-03 11:00+00', '2026-03-03 11:00+00');
