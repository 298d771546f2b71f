package org.rainbow.api.web;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** created_at/updated_at of every table, set from the application clock (PostgreSQL keeps microseconds). */
@MappedSuperclass
public abstract class Timestamped {

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected void created(Instant at) {
        createdAt = at.truncatedTo(ChronoUnit.MICROS);
        updatedAt = createdAt;
    }

    protected void changed(Instant at) {
        updatedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
