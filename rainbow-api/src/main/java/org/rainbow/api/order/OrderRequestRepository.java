package org.rainbow.api.order;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrderRequestRepository extends JpaRepository<OrderRequest, String> {
}
