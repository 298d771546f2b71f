package org.rainbow.engines.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.rainbow.engines.LoopbackPorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server started from the zonky binaries. Logical decoding is on
 * ({@code wal_level=logical}) so the speed layer can stream changes, and commits are synchronous so
 * a committed order survives a crash and is visible to change capture at once. Every connection, also on
 * loopback, authenticates with a password (SCRAM): the services' least-privilege logins mean something.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String PASSWORD_AUTHENTICATION = """
            # Written by Rainbow (LocalPostgres): a password (SCRAM) for every connection, loopback only.
            local   all           all                   scram-sha-256
            host    all           all     127.0.0.1/32  scram-sha-256
            host    replication   all     127.0.0.1/32  scram-sha-256
            """;

    private final EmbeddedPostgres server;
    private final PostgresSettings settings;

    private LocalPostgres(EmbeddedPostgres server, PostgresSettings settings) {
        this.server = server;
        this.settings = settings;
    }

    /** Starts the server, reusing the data directory when it already holds a cluster. */
    public static LocalPostgres start(PostgresSettings settings) {
        LoopbackPorts.requireFree("PostgreSQL", List.of(settings.port()));
        try {
            Files.createDirectories(settings.dataDirectory());
            Files.createDirectories(settings.binariesDirectory());
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setPort(settings.port())
                    .setDataDirectory(settings.dataDirectory())
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(settings.binariesDirectory().toFile())
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_wal_senders", "10")
                    .setServerConfig("max_replication_slots", "10")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", settings.durable() ? "on" : "off")
                    .setServerConfig("full_page_writes", settings.durable() ? "on" : "off")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // The server's own log, in <data>/log/postgresql.log (the local stack's operators read it).
                    .setServerConfig("logging_collector", "on")
                    .setServerConfig("log_filename", "postgresql.log")
                    // The bootstrap superuser's own checks (start-up, stop) log in with the admin's password.
                    .setConnectConfig("password", settings.password())
                    .start();
            LocalPostgres postgres = new LocalPostgres(server, settings);
            postgres.requirePasswords();
            postgres.createDatabase(settings.database());
            log.info("PostgreSQL listening on 127.0.0.1:{} (data in {})", server.getPort(), settings.dataDirectory());
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + settings.port(), e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public String user() {
        return settings.user();
    }

    public String password() {
        return settings.password();
    }

    public String jdbcUrl() {
        return jdbcUrl(settings.database());
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
    }

    /**
     * Creates the admin login (a superuser: the operators' and the migrations' login, which also owns the
     * change-capture publication) and the database if they do not exist yet.
     */
    public void createDatabase(String database) {
        requireIdentifier(database);
        requireIdentifier(settings.user());
        try (Connection admin = server.getPostgresDatabase().getConnection();
             Statement sql = admin.createStatement()) {
            try (var role = sql.executeQuery("select 1 from pg_roles where rolname = '" + settings.user() + "'")) {
                if (!role.next()) {
                    sql.execute("create role " + settings.user() + " with login superuser replication password '"
                            + settings.password().replace("'", "''") + "'");
                }
            }
            try (var db = sql.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (!db.next()) {
                    sql.execute("create database " + database + " owner " + settings.user());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    /**
     * Makes {@code role} a login with {@code password} (and replication where the role needs it), creating it
     * if the schema's migration has not yet; its privileges come from that migration.
     */
    public void ensureLogin(ServiceRole role, String password) {
        String attributes = "login " + (role.replication() ? "replication" : "noreplication") + " password '"
                + password.replace("'", "''") + "'";
        try (Connection admin = server.getPostgresDatabase().getConnection();
             Statement sql = admin.createStatement()) {
            boolean exists;
            try (var rows = sql.executeQuery("select 1 from pg_roles where rolname = '" + role.roleName() + "'")) {
                exists = rows.next();
            }
            sql.execute((exists ? "alter role " : "create role ") + role.roleName() + " with " + attributes);
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up the login " + role.roleName(), e);
        }
    }

    /**
     * Creates {@code database} owned by {@code owner} (a service's own database) if it does not exist. What an
     * older stack made in it as the admin is handed over too, so the service can use its own tables.
     */
    public void createDatabase(String database, ServiceRole owner) {
        createDatabase(database);
        requireIdentifier(database);
        try (Connection admin = server.getPostgresDatabase().getConnection();
             Statement sql = admin.createStatement()) {
            sql.execute("alter database " + database + " owner to " + owner.roleName());
        } catch (SQLException e) {
            throw new IllegalStateException("could not hand database " + database + " to " + owner.roleName(), e);
        }
        try (Connection admin = connect(database); Statement sql = admin.createStatement()) {
            sql.execute("""
                    do $$
                    declare r record;
                    begin
                        for r in select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                                 where n.nspname = 'public' and c.relkind in ('r', 'S', 'v')
                                   and pg_get_userbyid(c.relowner) <> '%1$s'
                                   and not exists (select from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i'))
                        loop
                            execute format('alter %%s public.%%I owner to %1$s',
                                case r.relkind when 'S' then 'sequence' when 'v' then 'view' else 'table' end, r.relname);
                        end loop;
                    end;
                    $$""".formatted(owner.roleName()));
        } catch (SQLException e) {
            throw new IllegalStateException("could not hand the tables of " + database + " to " + owner.roleName(), e);
        }
    }

    /** Drops and re-creates a database: a clean slate for one test class. */
    public String recreateDatabase(String database) {
        requireIdentifier(database);
        try (Connection admin = server.getPostgresDatabase().getConnection();
             Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop database " + database, e);
        }
        createDatabase(database);
        return jdbcUrl(database);
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), settings.user(), settings.password());
    }

    @Override
    public void close() {
        try {
            server.close();
            log.info("PostgreSQL on port {} stopped", server.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Passwords for every connection: the bootstrap superuser gets the admin's password, then pg_hba.conf
     * asks for SCRAM on the socket and on loopback. initdb's default trusts every local connection.
     */
    private void requirePasswords() throws IOException {
        try (Connection admin = server.getPostgresDatabase().getConnection();
             Statement sql = admin.createStatement()) {
            sql.execute("alter role postgres with password '" + settings.password().replace("'", "''") + "'");
            Path hba = settings.dataDirectory().resolve("pg_hba.conf");
            if (!Files.readString(hba).equals(PASSWORD_AUTHENTICATION)) {
                Files.writeString(hba, PASSWORD_AUTHENTICATION);
                sql.execute("select pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not require passwords on port " + settings.port(), e);
        }
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
    }

    /** Where and how the server runs. {@code port} 0 picks a free port. */
    public record PostgresSettings(int port, Path dataDirectory, Path binariesDirectory, String database,
                                   String user, String password, boolean durable) {

        /** The local stack: durable, on the contract port, state under {@code stateDirectory}. */
        public static PostgresSettings localStack(Path stateDirectory, int port) {
            return new PostgresSettings(port, stateDirectory.resolve("postgres/data"),
                    stateDirectory.resolve("postgres/binaries"), "rainbow", "rainbow", "rainbow", true);
        }
    }
}
