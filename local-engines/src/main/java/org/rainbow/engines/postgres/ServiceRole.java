package org.rainbow.engines.postgres;

/**
 * The services' own PostgreSQL logins, each with only what its service needs: the grants are rainbow-api's
 * migration {@code V4__service_roles.sql}; a deployment makes them logins with passwords (the local stack
 * here, compose and Kubernetes in {@code k8s/base/postgres/init-roles.sh}). Operators keep the admin login.
 */
public enum ServiceRole {

    /** rainbow-api: reads and writes the shop's tables, no DDL, no history, no replication. */
    API("rainbow_api", false),
    /** stream-bridge's change capture: replication through the admin-owned publication, reads the captured tables. */
    CAPTURE("rainbow_capture", true),
    /** batch-pipeline: reads the row history; owns its job-repository database. */
    PIPELINE("rainbow_pipeline", false);

    private final String roleName;
    private final boolean replication;

    ServiceRole(String roleName, boolean replication) {
        this.roleName = roleName;
        this.replication = replication;
    }

    public String roleName() {
        return roleName;
    }

    public boolean replication() {
        return replication;
    }
}
