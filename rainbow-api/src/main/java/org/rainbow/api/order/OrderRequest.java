package org.rainbow.api.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/** One {@code Idempotency-Key} and the order its first request placed. */
@Entity
@Table(name = "order_requests")
class OrderRequest implements Persistable<String> {

    @Id
    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "order_id", nullable = false)
    private long orderId;

    @Column(name = "request_hash", nullable = false)
    private String requestHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Transient
    private boolean isNew;

    protected OrderRequest() {
    }

    OrderRequest(String idempotencyKey, long orderId, String requestHash, Instant createdAt) {
        this.idempotencyKey = idempotencyKey;
        this.orderId = orderId;
        this.requestHash = requestHash;
        this.createdAt = createdAt;
        this.isNew = true;
    }

    @Override
    public String getId() {
        return idempotencyKey;
    }

    /** Always a plain insert: a second request with the key must collide, not merge. */
    @Override
    public boolean isNew() {
        return isNew;
    }

    long orderId() {
        return orderId;
    }

    String requestHash() {
        return requestHash;
    }
}
